using NodaTime;
using NodaTime.Text;

namespace Planner.Model.Scheduling;

/// <summary>Dates in messages, as ISO <c>yyyy-MM-dd</c> whatever the culture. Internal.</summary>
internal static class IsoDates
{
    /// <summary>The ISO text of a date, such as <c>2024-03-17</c>.</summary>
    public static string FormatIso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
