using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>A week: weekday to ordered sessions (several for AM/PM days, none for rest days).</summary>
public sealed class WeeklyPattern : SchedulePattern
{
    // Indexed by IsoDayOfWeek (1..7); slot 0 unused.
    private readonly PlannedSession[][] _days = new PlannedSession[8][];

    /// <summary>Creates a weekly pattern.</summary>
    /// <param name="days">The sessions of each weekday; weekdays not given are rest days.</param>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> or one of its lists is null.</exception>
    /// <exception cref="ArgumentException">A key is not a weekday.</exception>
    public WeeklyPattern(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        Array.Fill(_days, Array.Empty<PlannedSession>());
        foreach (var (weekday, sessions) in days)
        {
            if (weekday is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentException($"'{weekday}' is not a weekday.", nameof(days));
            }

            ArgumentNullException.ThrowIfNull(sessions, nameof(days));
            _days[(int)weekday] = sessions.Count == 0 ? Array.Empty<PlannedSession>() : sessions.ToArray();
        }
    }

    /// <summary>A week of rest days.</summary>
    public static WeeklyPattern Rest { get; } = new(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>());

    /// <summary>The sessions of a weekday.</summary>
    /// <param name="weekday">The weekday.</param>
    /// <returns>The weekday's sessions in order; empty for a rest day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weekday"/> is not Monday to Sunday (<see cref="IsoDayOfWeek.None"/> included).</exception>
    public IReadOnlyList<PlannedSession> this[IsoDayOfWeek weekday] =>
        weekday is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
            ? _days[(int)weekday]
            : throw new ArgumentOutOfRangeException(nameof(weekday), weekday, "Not a weekday: Monday to Sunday.");

    /// <inheritdoc />
    internal override int PeriodDays => 7;

    /// <inheritdoc />
    public override IReadOnlyList<PlannedSession> SessionsOn(LocalDate date, LocalDate blockStart) => _days[(int)date.DayOfWeek];

    /// <inheritdoc />
    internal override PlannedSession[][] PeriodTable(IsoDayOfWeek startWeekday)
    {
        var table = new PlannedSession[7][];
        for (var i = 0; i < 7; i++)
        {
            table[i] = On(WeekdayAfter(startWeekday, i));
        }

        return table;
    }

    internal PlannedSession[] On(IsoDayOfWeek weekday) => _days[(int)weekday];
}
