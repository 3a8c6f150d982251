using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>Says which sessions fall on each date of a block.</summary>
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
}
