using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>A week: weekday to ordered sessions (several for AM/PM days, none for rest days).</summary>
public sealed class WeeklyPattern : SchedulePattern
{
    private readonly IReadOnlyList<PlannedSession>[] _days = new IReadOnlyList<PlannedSession>[8];

    /// <summary>Creates a weekly pattern.</summary>
    /// <param name="days">The sessions of each weekday; weekdays not given are rest days.</param>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is null.</exception>
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

            _days[(int)weekday] = sessions.ToArray();
        }
    }

    /// <summary>A week of rest days.</summary>
    public static WeeklyPattern Rest { get; } = new(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>());

    /// <summary>The sessions of a weekday.</summary>
    /// <param name="weekday">The weekday.</param>
    public IReadOnlyList<PlannedSession> this[IsoDayOfWeek weekday] => _days[(int)weekday];

    /// <inheritdoc />
    public override IReadOnlyList<PlannedSession> SessionsOn(LocalDate date, LocalDate blockStart) => _days[(int)date.DayOfWeek];
}
