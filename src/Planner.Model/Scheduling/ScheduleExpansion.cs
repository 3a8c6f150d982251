namespace Planner.Model.Scheduling;

/// <summary>Expands a block's schedule into its days and sessions.</summary>
public static class ScheduleExpansion
{
    /// <summary>The longest span expanded unless the caller says otherwise: 3,660 days (ten years).</summary>
    public const int DefaultMaxDays = 3660;

    /// <summary>
    /// Every date of the block, in order, each with its sessions: a lazy stream that allocates
    /// nothing per day (enumerate it with <c>foreach</c>).
    /// </summary>
    /// <param name="schedule">The block's schedule.</param>
    /// <param name="maxDays">The longest span allowed, in days; at least 1.</param>
    /// <returns>The days.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDays"/> is below 1.</exception>
    /// <exception cref="SpanTooLongException">The block spans more than <paramref name="maxDays"/> days; thrown here, before anything is produced.</exception>
    public static PlannedDays Expand(BlockSchedule schedule, int maxDays = DefaultMaxDays)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDays, 1);
        if (schedule.DayCount > maxDays)
        {
            throw new SpanTooLongException(schedule.Start, schedule.End, maxDays);
        }

        return new PlannedDays(schedule);
    }

    /// <summary>
    /// Makes the block's <see cref="ProgramDay"/> and <see cref="ScheduledSession"/> entities, with
    /// deterministic ids derived from the block's id, the date and the position, one day per date
    /// (rest days included).
    /// </summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="schedule">The block's schedule.</param>
    /// <param name="maxDays">The longest span allowed, in days.</param>
    /// <returns>The days, in date order, each with its sessions; made lazily, one day at a time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="blockId"/> or <paramref name="schedule"/> is null.</exception>
    /// <exception cref="SpanTooLongException">The block spans more than <paramref name="maxDays"/> days; thrown here, before anything is produced.</exception>
    public static IEnumerable<ProgramDay> Materialize(string blockId, BlockSchedule schedule, int maxDays = DefaultMaxDays)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        var days = Expand(schedule, maxDays);
        return Iterate(blockId, days);

        static IEnumerable<ProgramDay> Iterate(string blockId, PlannedDays days)
        {
            // The block's prefix is taken once; each day's and session's id is then a few bit operations (DeterministicIds).
            var block = DeterministicIds.BlockIdBits.Of(blockId);
            foreach (var planned in days)
            {
                var dayBits = block.Day(planned.Date, 0);
                var day = ProgramDay.Materialized(dayBits.ToString(), blockId, planned.Date, planned.Name, planned.Notes, planned.Readiness, planned.Sessions.Count);
                var position = 0;
                foreach (var session in planned.Sessions)
                {
                    day.Sessions.Add(ToEntity(dayBits.Session(position, 0).ToString(), day.Id, position, session));
                    position++;
                }

                yield return day;
            }
        }
    }

    internal static ScheduledSession ToEntity(string id, string dayId, int position, PlannedSession session) =>
        ScheduledSession.Materialized(id, dayId, session.TemplateId, position, session.Slot, session.Notes, session.IsCompleted, session.CompletionData);
}
