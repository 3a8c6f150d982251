using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>
/// An N-day cycle not tied to the week ("every 9 days", 3 on / 1 off): day <c>i</c> of the block,
/// counted from its start date, uses entry <c>i mod n</c>.
/// </summary>
public sealed class CyclePattern : SchedulePattern
{
    private readonly PlannedSession[][] _days;

    /// <summary>Creates a cycle.</summary>
    /// <param name="days">The sessions of each day of the cycle, in order; at least one day.</param>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> or one of its lists is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="days"/> is empty.</exception>
    public CyclePattern(IReadOnlyList<IReadOnlyList<PlannedSession>> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            throw new ArgumentException("A cycle needs at least one day.", nameof(days));
        }

        _days = new PlannedSession[days.Count][];
        for (var i = 0; i < _days.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(days[i], nameof(days));
            _days[i] = days[i].Count == 0 ? Array.Empty<PlannedSession>() : days[i].ToArray();
        }
    }

    /// <summary>The number of days in the cycle.</summary>
    public int Length => _days.Length;

    /// <summary>The sessions of each day of the cycle.</summary>
    public IReadOnlyList<IReadOnlyList<PlannedSession>> Days => _days;

    /// <inheritdoc />
    internal override int PeriodDays => _days.Length;

    /// <inheritdoc />
    public override IReadOnlyList<PlannedSession> SessionsOn(LocalDate date, LocalDate blockStart)
    {
        var index = Period.DaysBetween(blockStart, date) % _days.Length;
        return _days[index < 0 ? index + _days.Length : index];
    }

    /// <inheritdoc />
    internal override PlannedSession[][] PeriodTable(IsoDayOfWeek startWeekday) => (PlannedSession[][])_days.Clone();
}
