using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>Says which sessions fall on each date of a block.</summary>
/// <remarks>
/// Every pattern repeats: a week, a rotation of weeks, or a cycle of days. Expansion relies on that and
/// precomputes one period, so that enumerating a block does a table lookup per day.
/// </remarks>
public abstract class SchedulePattern
{
    private protected SchedulePattern()
    {
    }

    /// <summary>The sessions on a date, in order; empty for a rest day.</summary>
    /// <param name="date">The date.</param>
    /// <param name="blockStart">The block's first date, from which weeks and cycles are counted.</param>
    /// <returns>The sessions; the list belongs to the pattern and must not be changed.</returns>
    public abstract IReadOnlyList<PlannedSession> SessionsOn(LocalDate date, LocalDate blockStart);

    /// <summary>The number of days after which the pattern repeats, counted from the block's start.</summary>
    internal abstract int PeriodDays { get; }

    /// <summary>
    /// One period of the pattern for a block starting on <paramref name="startWeekday"/>: entry
    /// <c>i</c> holds the sessions of day <c>i</c>, <c>i + PeriodDays</c>, ... of the block.
    /// </summary>
    internal abstract PlannedSession[][] PeriodTable(IsoDayOfWeek startWeekday);

    /// <summary>The weekday of the day <paramref name="offset"/> days after a day of <paramref name="startWeekday"/>.</summary>
    private protected static IsoDayOfWeek WeekdayAfter(IsoDayOfWeek startWeekday, int offset) =>
        (IsoDayOfWeek)((((int)startWeekday - 1 + offset) % 7) + 1);
}
