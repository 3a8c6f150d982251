using NodaTime;

namespace Planner.Model.Planning;

/// <summary>The days of a program between two dates (inclusive), in date order: only dates that have a day row appear in <see cref="Days"/>.</summary>
/// <param name="From">The first date of the window.</param>
/// <param name="To">The last date of the window (inclusive).</param>
/// <param name="Days">The days in the window, in date order (then block position) with their sessions.</param>
public sealed record CalendarWindow(LocalDate From, LocalDate To, IReadOnlyList<CalendarDay> Days)
{
    /// <summary>
    /// Every date of the window, in order, each with its days: none for a date without a day row (before,
    /// between or after the blocks), one otherwise (two only where legacy blocks overlap). Filled when the
    /// read was asked for it with <see cref="CalendarGaps.Fill"/>; <see langword="null"/> otherwise.
    /// </summary>
    public IReadOnlyList<CalendarDate>? Dates { get; init; }
}
