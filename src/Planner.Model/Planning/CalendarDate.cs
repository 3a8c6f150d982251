using NodaTime;

namespace Planner.Model.Planning;

/// <summary>One date of a <see cref="CalendarWindow"/>, with or without a day row.</summary>
/// <param name="Date">The date.</param>
/// <param name="Days">Its days (the same records as in <see cref="CalendarWindow.Days"/>); empty for a date without a row.</param>
public sealed record CalendarDate(LocalDate Date, IReadOnlyList<CalendarDay> Days)
{
    /// <summary>Whether the date has no day row (no block of the program has it).</summary>
    public bool IsGap => Days.Count == 0;
}
