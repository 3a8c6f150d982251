using NodaTime;
using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Scheduling;

/// <summary>
/// Computes how a block's existing days and sessions change when its dates or pattern change, or when
/// it shifts by a number of days: a pure computation, nothing is touched. Internal: hosts preview and
/// apply it through <c>PlanningService</c>.
/// </summary>
/// <remarks>
/// <para>
/// Planned, untouched sessions (not completed, no notes, no completion data) follow the new schedule:
/// those already in the right place stay, others move (keeping their ids) or are deleted, missing ones
/// are added. Logged work (<see cref="LoggedWork"/>: a completed session, a session with notes or
/// completion data; a day with a name, notes or readiness) is never deleted on its own: where the change
/// would move or remove it, it stays and is reported as a <see cref="RescheduleConflict"/>, which
/// <see cref="RescheduleOptions"/> resolve (keep, move, or delete on explicit request).
/// </para>
/// <para>
/// Notes alone do not make a session the athlete's when the plan puts exactly that session there: a
/// session not done whose template, slot and notes equal a session the new schedule plans on its date is
/// that planned session (no add beside it, no conflict). A shift moves the block's own rows, so a
/// session not done (neither completed nor with completion data) moves with its day, notes included
/// (<see cref="LoggedWork.StaysInShift"/>); only work done stays on the date it was done.
/// </para>
/// <para>
/// On each date, logged sessions keep their positions; planned sessions fill the other positions in the
/// schedule's order. A logged session of the template and slot the schedule plans on its date counts as
/// that planned session (it was that workout, done). Applying a change set and planning the same
/// schedule again gives an empty change set.
/// </para>
/// </remarks>
internal static class BlockRescheduling
{
    /// <summary>
    /// Plans moving a block to a new schedule (new dates, a new pattern, new overrides, or all of them).
    /// </summary>
    /// <param name="block">The block, with its <see cref="ProgramBlock.Days"/> and their <see cref="ProgramDay.Sessions"/> loaded.</param>
    /// <param name="schedule">The block's new schedule.</param>
    /// <param name="options">Conflict resolutions and the span limit; <see langword="null"/> keeps every conflict.</param>
    /// <returns>The change set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="block"/> or <paramref name="schedule"/> is null.</exception>
    /// <exception cref="SpanTooLongException">The new dates span more than <see cref="RescheduleOptions.MaxDays"/> days.</exception>
    /// <exception cref="ArgumentException">The block has two days on one date.</exception>
    public static RescheduleChangeSet Plan(ProgramBlock block, BlockSchedule schedule, RescheduleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(schedule);
        return new Computation(block, schedule, Period.DaysBetween(block.StartDate, schedule.Start), loggedFulfilsPlan: true, options ?? RescheduleOptions.Default, (s, _) => LoggedWork.IsLogged(s)).Run();
    }

    /// <summary>
    /// Plans shifting a block by a number of days: its dates and its planned sessions move, noted
    /// sessions not done included; work done (completed or with completion data) and logged sessions
    /// outside the block's dates stay on the date they were done (each reported as a conflict whose
    /// suggested date is where it would have moved to).
    /// </summary>
    /// <param name="block">The block, with its <see cref="ProgramBlock.Days"/> and their <see cref="ProgramDay.Sessions"/> loaded.</param>
    /// <param name="days">The number of days, negative for earlier.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps every conflict.</param>
    /// <returns>The change set. A shift is not idempotent: applying it twice shifts twice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="block"/> is null.</exception>
    /// <exception cref="ArgumentException">The block has two days on one date.</exception>
    /// <exception cref="OverflowException">The shifted dates fall outside the calendar's range.</exception>
    public static RescheduleChangeSet PlanShift(ProgramBlock block, int days, RescheduleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        LocalDate start, end;
        try
        {
            (start, end) = (block.StartDate.PlusDays(days), block.EndDate.PlusDays(days));
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new OverflowException($"Shifting block '{block.Id}' by {days} days leaves the calendar's range.", e);
        }

        // The target is the block's own planned sessions, each date's moved by the shift.
        var overrides = new List<DayOverride>();
        foreach (var day in block.Days)
        {
            if (day.Date < block.StartDate || day.Date > block.EndDate)
            {
                continue;
            }

            var planned = day.Sessions.Where(s => !LoggedWork.StaysInShift(s, day, block)).OrderBy(s => s.Position)
                .Select(s => new PlannedSession(s.SessionTemplateId, s.Slot, s.Notes)).ToArray();
            overrides.Add(new DayOverride(day.Date.PlusDays(days), DayOverrideKind.Replace, planned));
        }

        var schedule = new BlockSchedule(start, end, null, overrides);
        return new Computation(block, schedule, days, loggedFulfilsPlan: false, options ?? RescheduleOptions.Default, (s, d) => LoggedWork.StaysInShift(s, d, block)).Run();
    }

    /// <summary>One existing session and what becomes of it.</summary>
    private sealed class Row(ScheduledSession session, ProgramDay day, bool isLogged)
    {
        public ScheduledSession Session { get; } = session;

        public ProgramDay Day { get; } = day;

        public bool IsLogged { get; } = isLogged;

        /// <summary>Whether the row has a place in the new layout (matched, kept or moved).</summary>
        public bool Placed { get; set; }

        /// <summary>Whether the row fills one of its date's planned sessions.</summary>
        public bool Matched { get; set; }

        /// <summary>Whether it is removed.</summary>
        public bool Removed { get; set; }

        /// <summary>For a logged row moved by a conflict resolution: its new date.</summary>
        public LocalDate? MoveTo { get; set; }
    }

    /// <summary>One date of the new range: its planned sessions and the rows that fill them.</summary>
    private sealed class Target(PlannedDay planned, ProgramDay? existing, PlannedSession[] sessions)
    {
        public PlannedDay Planned { get; } = planned;

        public ProgramDay? Existing { get; } = existing;

        public PlannedSession[] Sessions { get; } = sessions;

        public Row?[] Filled { get; } = new Row?[sessions.Length];

        public List<Row> MovedIn { get; } = [];

        public string DayId { get; set; } = string.Empty;
    }

    private sealed class Computation(ProgramBlock block, BlockSchedule schedule, int offset, bool loggedFulfilsPlan, RescheduleOptions options, Func<ScheduledSession, ProgramDay, bool> isLogged)
    {
        private readonly Dictionary<LocalDate, (ProgramDay Day, List<Row> Rows)> _existing = [];
        private readonly Dictionary<LocalDate, Target> _targets = [];
        private readonly List<Target> _targetList = [];
        private readonly HashSet<string> _takenSessionIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _takenDayIds = new(StringComparer.Ordinal);
        private readonly List<RescheduleConflict> _conflicts = [];

        public RescheduleChangeSet Run()
        {
            var days = ScheduleExpansion.Expand(schedule, options.MaxDays);
            Index();

            foreach (var planned in days)
            {
                var existing = _existing.TryGetValue(planned.Date, out var e) ? e.Day : null;
                var target = new Target(planned, existing, planned.Sessions.AsSpan().ToArray());
                _targets.Add(planned.Date, target);
                _targetList.Add(target);
            }

            // 1. Logged work on its own date that is the planned session there.
            if (loggedFulfilsPlan)
            {
                foreach (var target in _targetList)
                {
                    FillInPlace(target, logged: true);
                }
            }

            // 2. Logged work that stays unplaced is a conflict; its resolution decides where it goes.
            ResolveConflicts();

            // 3. Logged work moved onto a date counts there too: the date's logged rows are matched again,
            // its own then the moved ones, as planning again will see them.
            if (loggedFulfilsPlan)
            {
                foreach (var target in _targetList)
                {
                    if (target.MovedIn.Count > 0)
                    {
                        RematchWithMovedIn(target);
                    }
                }
            }

            // 4. Planned sessions already on the right date stay; 5. others move from the date the change brings
            // them from. A shift is the other way round: its plan is the block's own sessions moved by N days,
            // so each session moves with its day first (keeping its id), and only then may one stay in place.
            var shifting = !loggedFulfilsPlan;
            if (offset != 0 && shifting)
            {
                foreach (var target in _targetList)
                {
                    FillFromSource(target);
                }
            }

            foreach (var target in _targetList)
            {
                FillInPlace(target, logged: false);
            }

            if (offset != 0 && !shifting)
            {
                foreach (var target in _targetList)
                {
                    FillFromSource(target);
                }
            }

            foreach (var (_, (_, rows)) in _existing)
            {
                foreach (var row in rows)
                {
                    if (!row.IsLogged && !row.Placed)
                    {
                        row.Removed = true;
                    }
                }
            }

            return Lay();
        }

        private void Index()
        {
            foreach (var day in block.Days)
            {
                var rows = day.Sessions.OrderBy(s => s.Position).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => new Row(s, day, isLogged(s, day))).ToList();
                if (!_existing.TryAdd(day.Date, (day, rows)))
                {
                    throw new ArgumentException($"Block '{block.Id}' has two days on {FormatIso(day.Date)}.", nameof(block));
                }

                _takenDayIds.Add(day.Id);
                foreach (var row in rows)
                {
                    _takenSessionIds.Add(row.Session.Id);
                }
            }
        }

        private void FillInPlace(Target target, bool logged)
        {
            if (target.Existing is null)
            {
                return;
            }

            var rows = _existing[target.Planned.Date].Rows.Where(r => r.IsLogged == logged && r.MoveTo is null && !r.Removed).ToList();
            if (logged)
            {
                FillLogged(target, rows);
            }
            else
            {
                foreach (var row in rows)
                {
                    Fill(target, row, SameAs);
                }
            }
        }

        /// <summary>
        /// Puts logged rows in the places of the target whose sessions they are: first where the plan is
        /// exactly the row (notes and logged work included), then where the plan has the row's template
        /// and slot (the planned workout, done). Each looks first from the place of its own position, so
        /// that marking the third of three like sessions done does not make it the first and reorder the
        /// others; it depends on nothing but the logged row, so planning again finds the same places.
        /// </summary>
        /// <param name="target">The date's plan.</param>
        /// <param name="rows">The logged rows, by position (rows moved in from other dates last: they come last on the day).</param>
        private static void FillLogged(Target target, IReadOnlyList<Row> rows)
        {
            foreach (var fits in new Func<PlannedSession, ScheduledSession, bool>[] { SameAs, FulfilledBy })
            {
                foreach (var row in rows)
                {
                    if (!row.Matched)
                    {
                        // Rows moved in will sit past every planned place, so they look from the first.
                        Fill(target, row, fits, row.MoveTo is null ? row.Session.Position : 0);
                    }
                }
            }
        }

        private void RematchWithMovedIn(Target target)
        {
            var own = new List<Row>();
            for (var i = 0; i < target.Filled.Length; i++)
            {
                if (target.Filled[i] is { IsLogged: true } row)
                {
                    own.Add(row);
                    row.Matched = false;
                    target.Filled[i] = null;
                }
            }

            own.Sort((a, b) => a.Session.Position.CompareTo(b.Session.Position));
            FillLogged(target, [.. own, .. target.MovedIn]);
            foreach (var row in own.Where(r => !r.Matched))
            {
                // Displaced by work moved in: it stays where it is, and the caller hears of it.
                _conflicts.Add(new RescheduleConflict(ConflictSubject.Session, row.Session.Id, row.Day.Date,
                    $"Logged session on {FormatIso(row.Day.Date)}: another logged session moved onto this date now counts as the one planned.", null, ConflictResolution.Keep));
            }
        }

        private void FillFromSource(Target target)
        {
            if (!_existing.TryGetValue(target.Planned.Date.PlusDays(-offset), out var source))
            {
                return;
            }

            foreach (var row in source.Rows)
            {
                if (!row.IsLogged && !row.Placed)
                {
                    Fill(target, row, SameAs);
                }
            }
        }

        /// <summary>Puts a row in the first unfilled place that fits, looking from place <paramref name="from"/> on, then before it.</summary>
        private static bool Fill(Target target, Row row, Func<PlannedSession, ScheduledSession, bool> fits, int from = 0)
        {
            var count = target.Sessions.Length;
            from = from < count ? from : 0;
            for (var k = 0; k < count; k++)
            {
                var i = (from + k) % count;
                if (target.Filled[i] is null && fits(target.Sessions[i], row.Session))
                {
                    target.Filled[i] = row;
                    row.Placed = true;
                    row.Matched = true;
                    return true;
                }
            }

            return false;
        }

        // A logged session counts as the planned one of its template and slot.
        private static bool FulfilledBy(PlannedSession planned, ScheduledSession session) =>
            string.Equals(planned.TemplateId, session.SessionTemplateId, StringComparison.Ordinal)
            && string.Equals(planned.Slot, session.Slot, StringComparison.Ordinal);

        // Exactly the planned session, notes and logged work included.
        private static bool SameAs(PlannedSession planned, ScheduledSession session) =>
            LoggedWork.IsPlannedAs(session, planned.TemplateId, planned.Slot, planned.Notes)
            && planned.IsCompleted == session.IsCompleted
            && string.Equals(planned.CompletionData, session.CompletionData, StringComparison.Ordinal);

        private void ResolveConflicts()
        {
            foreach (var (date, (_, rows)) in _existing.OrderBy(e => e.Key))
            {
                var inRange = date >= schedule.Start && date <= schedule.End;
                LocalDate? suggested = offset != 0 && date.PlusDays(offset) is var to && to >= schedule.Start && to <= schedule.End ? to : null;
                foreach (var row in rows)
                {
                    if (!row.IsLogged || row.Placed)
                    {
                        continue;
                    }

                    var reason = (inRange
                        ? $"Logged session on {FormatIso(date)} that the new schedule does not plan there"
                        : $"Logged session on {FormatIso(date)}, outside the block's new dates {FormatIso(schedule.Start)}..{FormatIso(schedule.End)}")
                        + (suggested is { } s ? $"; the planned work around it moves to {FormatIso(s)}." : ".");
                    var resolution = options.ResolutionOf(row.Session.Id);
                    switch (resolution)
                    {
                        case ConflictResolution.Delete:
                            row.Removed = true;
                            break;
                        case ConflictResolution.Move when suggested is { } moveTo:
                            row.MoveTo = moveTo;
                            row.Placed = true;
                            _targets[moveTo].MovedIn.Add(row);
                            break;
                        default:
                            resolution = ConflictResolution.Keep;
                            row.Placed = true;
                            break;
                    }

                    _conflicts.Add(new RescheduleConflict(ConflictSubject.Session, row.Session.Id, date, reason, suggested, resolution));
                }
            }
        }

        private RescheduleChangeSet Lay()
        {
            var addedDays = new List<DayAddition>();
            var annotatedDays = new List<DayAnnotation>();
            var removedDays = new List<DayRemoval>();
            var addedSessions = new List<SessionAddition>();
            var movedSessions = new List<SessionMove>();
            var removedSessions = new List<SessionRemoval>();

            foreach (var target in _targetList)
            {
                var planned = target.Planned;
                if (target.Existing is { } day)
                {
                    target.DayId = day.Id;
                    var annotation = new DayAnnotation(day.Id, day.Date, day.Name ?? planned.Name, day.Notes ?? planned.Notes, day.Readiness ?? planned.Readiness);
                    if (annotation != new DayAnnotation(day.Id, day.Date, day.Name, day.Notes, day.Readiness))
                    {
                        annotatedDays.Add(annotation);
                    }
                }
                else
                {
                    target.DayId = NewId(_takenDayIds, g => DeterministicIds.ForDay(block.Id, planned.Date, g));
                    addedDays.Add(new DayAddition(target.DayId, planned.Date, planned.Name, planned.Notes, planned.Readiness));
                }
            }

            foreach (var target in _targetList)
            {
                var date = target.Planned.Date;

                // Logged rows that stay on this date keep their positions; everything else fits around them.
                var occupied = new HashSet<int>();
                if (target.Existing is not null)
                {
                    foreach (var row in _existing[date].Rows)
                    {
                        if (row.IsLogged && row.Placed && row.MoveTo is null)
                        {
                            occupied.Add(row.Session.Position);
                        }
                    }
                }

                var next = 0;
                for (var i = 0; i < target.Sessions.Length; i++)
                {
                    var row = target.Filled[i];
                    if (row is { IsLogged: true })
                    {
                        continue;
                    }

                    while (occupied.Contains(next))
                    {
                        next++;
                    }

                    var position = next++;
                    if (row is null)
                    {
                        var id = NewId(_takenSessionIds, g => DeterministicIds.ForSession(target.DayId, position, g));
                        addedSessions.Add(new SessionAddition(id, target.DayId, date, position, target.Sessions[i]));
                    }
                    else if (row.Day.Date != date || row.Session.Position != position)
                    {
                        movedSessions.Add(Move(row, target, position));
                    }
                }

                // Past every planned place, so that planning again looks for their match as this time.
                var last = Math.Max(Math.Max(next - 1, target.Sessions.Length - 1), occupied.Count == 0 ? -1 : occupied.Max());
                foreach (var row in target.MovedIn)
                {
                    movedSessions.Add(Move(row, target, ++last));
                }
            }

            foreach (var (date, (day, rows)) in _existing.OrderBy(e => e.Key))
            {
                foreach (var row in rows)
                {
                    if (row.Removed)
                    {
                        removedSessions.Add(new SessionRemoval(row.Session.Id, day.Id, date, row.Session.Position, row.IsLogged));
                    }
                }

                if (date >= schedule.Start && date <= schedule.End)
                {
                    continue;
                }

                var sessionsStay = rows.Any(r => !r.Removed && r.MoveTo is null && r.IsLogged);
                var remove = !sessionsStay;
                if (LoggedWork.IsLogged(day))
                {
                    var asked = options.ResolutionOf(day.Id);
                    var resolution = asked == ConflictResolution.Delete && !sessionsStay ? ConflictResolution.Delete : ConflictResolution.Keep;
                    remove = resolution == ConflictResolution.Delete;
                    var reason = $"Day {FormatIso(date)} has its own name, notes or readiness and lies outside the block's new dates {FormatIso(schedule.Start)}..{FormatIso(schedule.End)}"
                        + (asked == ConflictResolution.Delete && sessionsStay ? "; it is kept because logged sessions stay on it." : ".");
                    _conflicts.Add(new RescheduleConflict(ConflictSubject.Day, day.Id, date, reason, null, resolution));
                }

                if (remove)
                {
                    removedDays.Add(new DayRemoval(day.Id, date));
                }
            }

            return new RescheduleChangeSet(
                block.Id,
                (block.StartDate, block.EndDate),
                (schedule.Start, schedule.End),
                addedDays,
                annotatedDays,
                removedDays,
                addedSessions,
                movedSessions,
                removedSessions,
                _conflicts.OrderBy(c => c.Date).ThenBy(c => c.Subject).ToList());
        }

        private static SessionMove Move(Row row, Target target, int position) =>
            new(row.Session.Id, row.Day.Id, row.Day.Date, row.Session.Position, target.DayId, target.Planned.Date, position);

        // A new row's deterministic id, unless a row kept, moved or deleted already has it: then the next generation.
        private static string NewId(HashSet<string> taken, Func<int, string> idOf)
        {
            for (var generation = 0; ; generation++)
            {
                var id = idOf(generation);
                if (taken.Add(id))
                {
                    return id;
                }
            }
        }
    }
}
