using NodaTime;
using NodaTime.Text;

namespace Planner.Migration.Legacy;

/// <summary>How a legacy date text reads.</summary>
internal enum LegacyDateKind
{
    /// <summary>Not a date: another format, or an impossible date.</summary>
    Invalid,

    /// <summary>ISO <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A timestamp (<c>2024-01-07T06:30:00+01:00</c>) whose date part, as written, is used.</summary>
    Timestamp,
}

/// <summary>Reads legacy dates strictly: no culture, no guessing of day/month order.</summary>
internal static class LegacyDates
{
    /// <summary>Reads <c>yyyy-MM-dd</c>, or a timestamp starting with it (<c>T</c> or a space after the date).</summary>
    public static LegacyDateKind Parse(string? text, out LocalDate date)
    {
        date = default;
        if (text is null || text.Length < 10 || !TryParseDatePart(text.AsSpan(0, 10), out date))
        {
            return LegacyDateKind.Invalid;
        }

        if (text.Length == 10)
        {
            return LegacyDateKind.Date;
        }

        // The old service wrote datetime.isoformat() now and then; the date part is what the user chose.
        return text.Length > 11 && text[10] is 'T' or 't' or ' ' && char.IsAsciiDigit(text[11])
            ? LegacyDateKind.Timestamp
            : LegacyDateKind.Invalid;
    }

    private static bool TryParseDatePart(ReadOnlySpan<char> s, out LocalDate date)
    {
        date = default;
        if (s[4] != '-' || s[7] != '-'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>The ISO text of a date.</summary>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
