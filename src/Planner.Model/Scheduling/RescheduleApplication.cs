using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Scheduling;

/// <summary>
/// Applies a change set to a block's entities in two stages, so that a database checking its unique
/// indexes statement by statement ((block_id, date), (day_id, position)) never sees two rows in one
/// place, whatever order the statements run in.
/// </summary>
internal static class RescheduleApplication
{
    /// <summary>
    /// Where sessions wait between the stages: far above any real position, one each, never negative (a
    /// check constraint). The planning service parks a day's sessions as far up before renumbering them.
    /// </summary>
    internal const int TemporaryPositionBase = 1_000_000_000;

    /// <summary>Applies both stages to entities in memory.</summary>
    public static void Apply(ProgramBlock block, RescheduleChangeSet changes)
    {
        ApplyStructure(block, changes, null, null);
        ApplyLayout(block, changes, null, null);
    }

    /// <summary>
    /// Stage one: new days exist; moved sessions sit on their new day at a temporary position of their
    /// own; removed sessions are gone. Nothing takes a place another row still holds.
    /// </summary>
    public static void ApplyStructure(ProgramBlock block, RescheduleChangeSet changes, Action<object>? added, Action<object>? removed)
    {
        Check(block, changes);
        var days = block.Days.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var addition in changes.AddedDays)
        {
            var day = new ProgramDay
            {
                Id = addition.DayId,
                BlockId = block.Id,
                Block = block,
                Date = addition.Date,
                Name = addition.Name,
                Notes = addition.Notes,
                Readiness = addition.Readiness,
            };
            day.ConcurrencyStamp = ConcurrencyStamps.Initial;
            block.Days.Add(day);
            days.Add(day.Id, day);
            added?.Invoke(day);
        }

        var sessions = Sessions(block);
        foreach (var removal in changes.RemovedSessions)
        {
            var (session, day) = sessions[removal.SessionId];
            day.Sessions.Remove(session);
            removed?.Invoke(session);
        }

        var temporary = TemporaryPositionBase;
        foreach (var move in changes.MovedSessions)
        {
            var (session, from) = sessions[move.SessionId];
            var to = days[move.ToDayId];
            if (!ReferenceEquals(from, to))
            {
                from.Sessions.Remove(session);
                to.Sessions.Add(session);
            }

            session.DayId = to.Id;
            session.Day = to;
            session.Position = temporary++;
        }
    }

    /// <summary>Stage two: final positions, new sessions, filled-in annotations, removed days, the block's dates.</summary>
    public static void ApplyLayout(ProgramBlock block, RescheduleChangeSet changes, Action<object>? added, Action<object>? removed)
    {
        var days = block.Days.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var sessions = Sessions(block);
        foreach (var move in changes.MovedSessions)
        {
            sessions[move.SessionId].Session.Position = move.ToPosition;
        }

        foreach (var addition in changes.AddedSessions)
        {
            var day = days[addition.DayId];
            var session = ScheduleExpansion.ToEntity(addition.SessionId, day.Id, addition.Position, addition.Session);
            session.Day = day;
            day.Sessions.Add(session);
            added?.Invoke(session);
        }

        foreach (var annotation in changes.AnnotatedDays)
        {
            var day = days[annotation.DayId];
            day.Name = annotation.Name;
            day.Notes = annotation.Notes;
            day.Readiness = annotation.Readiness;
        }

        foreach (var removal in changes.RemovedDays)
        {
            var day = days[removal.DayId];
            if (day.Sessions.Count != 0)
            {
                throw new InvalidOperationException($"Day {removal.DayId} still has sessions; the change set is not this block's.");
            }

            block.Days.Remove(day);
            removed?.Invoke(day);
        }

        block.StartDate = changes.Start;
        block.EndDate = changes.End;
    }

    private static void Check(ProgramBlock block, RescheduleChangeSet changes)
    {
        if (!string.Equals(block.Id, changes.BlockId, StringComparison.Ordinal) || block.StartDate != changes.PreviousStart || block.EndDate != changes.PreviousEnd)
        {
            throw new InvalidOperationException($"The change set was planned for block '{changes.BlockId}' from {FormatIso(changes.PreviousStart)} to {FormatIso(changes.PreviousEnd)}; block '{block.Id}' runs from {FormatIso(block.StartDate)} to {FormatIso(block.EndDate)}.");
        }
    }

    private static Dictionary<string, (ScheduledSession Session, ProgramDay Day)> Sessions(ProgramBlock block) =>
        block.Days.SelectMany(d => d.Sessions.Select(s => (s, d))).ToDictionary(p => p.s.Id, p => (p.s, p.d), StringComparer.Ordinal);
}
