using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>
/// Weekly patterns used in turn, week by week: week <c>k</c> of the block (days <c>7k</c> to
/// <c>7k+6</c> counted from the block's start date, which need not be a Monday) uses pattern
/// <c>k mod n</c>. Within a week, each date takes its own weekday's sessions from that pattern.
/// </summary>
public sealed class RotatingWeeksPattern : SchedulePattern
{
    private readonly WeeklyPattern[] _weeks;

    /// <summary>Creates a rotation.</summary>
    /// <param name="weeks">The weekly patterns, in turn; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weeks"/> or one of its patterns is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="weeks"/> is empty.</exception>
    public RotatingWeeksPattern(IReadOnlyList<WeeklyPattern> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        if (weeks.Count == 0)
        {
            throw new ArgumentException("A rotation needs at least one week.", nameof(weeks));
        }

        _weeks = weeks.ToArray();
        foreach (var week in _weeks)
        {
            ArgumentNullException.ThrowIfNull(week, nameof(weeks));
        }
    }

    /// <summary>The weekly patterns, in turn.</summary>
    public IReadOnlyList<WeeklyPattern> Weeks => _weeks;

    /// <inheritdoc />
    internal override int PeriodDays => 7 * _weeks.Length;

    /// <inheritdoc />
    public override IReadOnlyList<PlannedSession> SessionsOn(LocalDate date, LocalDate blockStart)
    {
        // Floor division, so dates before the block's start still fall in a well-defined week.
        var offset = Period.DaysBetween(blockStart, date);
        var week = ((offset / 7) - (offset % 7 < 0 ? 1 : 0)) % _weeks.Length;
        if (week < 0)
        {
            week += _weeks.Length;
        }

        return _weeks[week].SessionsOn(date, blockStart);
    }

    /// <inheritdoc />
    internal override PlannedSession[][] PeriodTable(IsoDayOfWeek startWeekday)
    {
        var table = new PlannedSession[PeriodDays][];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = _weeks[i / 7].On(WeekdayAfter(startWeekday, i));
        }

        return table;
    }
}
