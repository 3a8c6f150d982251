using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace Planner.Migration.Legacy;

internal sealed partial class LegacyScheduleReader
{
    private bool CheckSpan(LocalDate start, LocalDate end, LegacyJsonPath endPath, LegacyJsonPath blockPath, string what)
    {
        if (end < start)
        {
            _diagnostics.Error(DiagnosticCodes.EndBeforeStart, endPath, $"{what} ends on {LegacyDates.Format(end)}, before it starts on {LegacyDates.Format(start)}.");
            return false;
        }

        var days = (long)Period.DaysBetween(start, end) + 1;
        if (days > _options.MaxBlockDays)
        {
            _diagnostics.Error(DiagnosticCodes.SpanTooLong, blockPath, string.Create(CultureInfo.InvariantCulture, $"{what} spans {days} days ({LegacyDates.Format(start)} to {LegacyDates.Format(end)}); the limit is {_options.MaxBlockDays} days."));
            return false;
        }

        return true;
    }

    /// <summary>Returns the date text when the value is a string, reports it when of the wrong type.</summary>
    private string? ReadDateText(JsonElement value, LegacyJsonPath path, string key)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind != JsonValueKind.Null)
        {
            WrongType(path, $"'{key}'", "an ISO date string (yyyy-MM-dd)", value);
            return string.Empty; // reported: not "missing" as well
        }

        return null;
    }

    private bool ReadRequiredDate(string? text, LegacyJsonPath path, string key, out LocalDate date)
    {
        date = default;
        if (text is null)
        {
            _diagnostics.Error(DiagnosticCodes.MissingField, path, $"The block has no {key}; every block needs a start_date and an end_date.");
            return false;
        }

        return text.Length > 0 && ReadDate(text, path, $"The block's {key}", out date);
    }

    /// <summary>Reads a date, reporting timestamps (warning) and invalid dates (error).</summary>
    public bool ReadDate(string text, LegacyJsonPath path, string what, out LocalDate date)
    {
        switch (LegacyDates.Parse(text, out date))
        {
            case LegacyDateKind.Date:
                return true;
            case LegacyDateKind.Timestamp:
                _diagnostics.Warning(DiagnosticCodes.TimestampDate, path, $"{what} '{Shorten(text)}' is a timestamp; its date part {LegacyDates.Format(date)} is used.");
                return true;
            default:
                _diagnostics.Error(DiagnosticCodes.InvalidDate, path, $"{what} '{Shorten(text)}' is not a date; expected an ISO date yyyy-MM-dd that exists in the calendar.");
                return false;
        }
    }
}
