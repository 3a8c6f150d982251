using CsCheck;
using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Scheduling;

public sealed class BlockReschedulingTests
{
    private sealed record LoggedSession(string Id, string DayId, LocalDate Date, string Template, string? Slot, string? Notes, bool Completed, string? Data);

    private sealed record AnnotatedDay(string Id, LocalDate Date, string? Name, string? Notes, int? Readiness);

    [Fact]
    public void No_logged_data_is_ever_lost_unless_its_deletion_was_asked_for()
    {
        Gen.Select(ReschedulingGenerators.Any, ReschedulingGenerators.Options(allowDelete: true), Gen.Bool).Sample((scenario, options, shift) =>
        {
            var block = StoredBlock.Create(scenario);

            // In a shift, noted sessions not done move with the plan (their notes with them); all else logged stays.
            var loggedBefore = LoggedSessions(block, staying: shift);
            var movingBefore = shift ? MovingNotes(block, scenario.Shift) : [];
            var daysBefore = AnnotatedDays(block);

            var changes = shift ? BlockRescheduling.PlanShift(block, scenario.Shift, options) : BlockRescheduling.Plan(block, scenario.After.Build(), options);
            RescheduleApplication.Apply(block, changes);

            var notesAfter = block.Days.SelectMany(d => d.Sessions.Where(s => !LoggedWork.IsDone(s)).Select(s => (d.Date, s.SessionTemplateId, s.Slot, s.Notes))).ToList();
            foreach (var group in movingBefore.GroupBy(m => m))
            {
                Assert.True(notesAfter.Count(n => n == group.Key) >= group.Count(), $"noted session {group.Key} did not move with the plan");
            }

            StoredBlock.AssertWellFormed(block);
            var loggedAfter = LoggedSessions(block).ToDictionary(s => s.Id);
            var deleted = changes.Conflicts.Where(c => c.Resolution == ConflictResolution.Delete).Select(c => c.Id).ToHashSet();
            Assert.All(changes.RemovedSessions.Where(r => r.IsLogged), r => Assert.Contains(r.SessionId, deleted));
            foreach (var before in loggedBefore)
            {
                if (deleted.Contains(before.Id))
                {
                    Assert.DoesNotContain(before.Id, loggedAfter.Keys);
                    continue;
                }

                var after = loggedAfter[before.Id];
                var conflict = changes.Conflicts.SingleOrDefault(c => c.Id == before.Id);
                var expectedDate = conflict?.Resolution == ConflictResolution.Move ? conflict.SuggestedDate!.Value : before.Date;
                Assert.Equal(before with { DayId = after.DayId, Date = expectedDate }, after);
            }

            var daysAfter = block.Days.ToDictionary(d => d.Id);
            foreach (var day in daysBefore)
            {
                if (deleted.Contains(day.Id))
                {
                    continue;
                }

                var after = daysAfter[day.Id];
                Assert.Equal(day.Date, after.Date);
                Assert.Equal(day.Name ?? after.Name, after.Name);
                Assert.Equal(day.Notes ?? after.Notes, after.Notes);
                Assert.Equal(day.Readiness ?? after.Readiness, after.Readiness);
            }
        }, iter: 1500);
    }

    [Fact]
    public void Applying_the_same_schedule_twice_changes_nothing_the_second_time()
    {
        Gen.Select(ReschedulingGenerators.Any, ReschedulingGenerators.Options(allowDelete: true)).Sample((scenario, options) =>
        {
            var block = StoredBlock.Create(scenario);
            var schedule = scenario.After.Build();
            var before = StoredBlock.Snapshot(block);
            var first = BlockRescheduling.Plan(block, schedule, options);
            RescheduleApplication.Apply(block, first);
            var once = StoredBlock.Snapshot(block);

            var again = BlockRescheduling.Plan(block, schedule, options);

            Assert.True(again.IsEmpty, $"{options.DefaultResolution}\nBEFORE\n{string.Join("\n", before)}\nFIRST\n{Describe(first)}\nAFTER\n{string.Join("\n", once)}\nAGAIN\n{Describe(again)}");
            RescheduleApplication.Apply(block, again);
            Assert.Equal(once, StoredBlock.Snapshot(block));
        }, iter: 1500);
    }

    [Fact]
    public void Rescheduling_then_rescheduling_back_restores_the_planned_sessions()
    {
        ReschedulingGenerators.PlainAfter.Sample(scenario =>
        {
            var block = StoredBlock.Create(scenario);
            var original = scenario.Before.Build();
            var logged = LoggedSessions(block);

            // The stored block as A's own layout (materialised, then logged): already what A plans.
            var normal = BlockRescheduling.Plan(block, original);
            Assert.True(normal.IsEmpty, Describe(normal) + "\n" + string.Join("\n", StoredBlock.Snapshot(block)));
            var planned = StoredBlock.PlannedSessions(block);

            RescheduleApplication.Apply(block, BlockRescheduling.Plan(block, scenario.After.Build()));
            RescheduleApplication.Apply(block, BlockRescheduling.Plan(block, original));

            Assert.Equal(planned, StoredBlock.PlannedSessions(block));
            Assert.Equal(logged, LoggedSessions(block));
            Assert.Equal((original.Start, original.End), (block.StartDate, block.EndDate));
        }, iter: 1500);
    }

    [Fact]
    public void Shifting_there_and_back_restores_the_planned_sessions_and_logged_work_never_moves()
    {
        ReschedulingGenerators.Any.Sample(scenario =>
        {
            var block = StoredBlock.Create(scenario);
            var planned = StoredBlock.PlannedSessions(block, shift: true);
            var logged = LoggedSessions(block, staying: true);

            var there = BlockRescheduling.PlanShift(block, scenario.Shift);
            RescheduleApplication.Apply(block, there);
            Assert.Equal(logged, LoggedSessions(block, staying: true));
            RescheduleApplication.Apply(block, BlockRescheduling.PlanShift(block, -scenario.Shift));

            StoredBlock.AssertWellFormed(block);
            Assert.Equal(planned, StoredBlock.PlannedSessions(block, shift: true));
            Assert.Equal(logged, LoggedSessions(block, staying: true));
            Assert.Equal((scenario.Before.Start, scenario.Before.End), (block.StartDate, block.EndDate));
        }, iter: 1500);
    }

    [Fact]
    public void A_shift_moves_each_date_s_planned_sessions_by_the_shift_in_their_order()
    {
        ReschedulingGenerators.Any.Sample(scenario =>
        {
            var block = StoredBlock.Create(scenario);
            var expected = PlannedByDate(block).Select(p => (p.Date.PlusDays(scenario.Shift), p.Sessions)).ToList();

            RescheduleApplication.Apply(block, BlockRescheduling.PlanShift(block, scenario.Shift));

            Assert.Equal(expected, PlannedByDate(block).Where(p => p.Sessions.Length > 0).ToList());
        }, iter: 1000);

        static IEnumerable<(LocalDate Date, string Sessions)> PlannedByDate(ProgramBlock block) =>
            block.Days.OrderBy(d => d.Date).Select(d => (d.Date, string.Join(",", d.Sessions.Where(s => !LoggedWork.StaysInShift(s, d, block)).OrderBy(s => s.Position).Select(s => s.SessionTemplateId + "/" + s.Slot + "/" + s.Notes))))
                .Where(p => p.Item2.Length > 0);
    }

    [Fact]
    public void The_same_input_gives_the_same_change_set()
    {
        ReschedulingGenerators.Any.Sample(scenario =>
        {
            var first = BlockRescheduling.Plan(StoredBlock.Create(scenario), scenario.After.Build());
            var second = BlockRescheduling.Plan(StoredBlock.Create(scenario), scenario.After.Build());
            Assert.Equal(Describe(first), Describe(second));
        }, iter: 300);
    }

    [Fact]
    public void A_new_session_never_takes_the_id_of_a_row_that_is_kept_or_deleted()
    {
        var d = new LocalDate(2024, 3, 4);
        var before = new BlockSchedule(d, d, null, [new DayOverride(d, DayOverrideKind.Replace, [new("tpl-x"), new("tpl-y")])]);
        var block = StoredBlock.Create(new ReschedulingScenario(new ScheduleSpec(d, d, new PatternSpec("none", [], []), before.Overrides.Values.ToArray()), new WorkLog([1], [], []), null!, 0));
        var dayId = DeterministicIds.ForDay(block.Id, d);
        var deletedId = DeterministicIds.ForSession(dayId, 0);
        var loggedId = DeterministicIds.ForSession(dayId, 1);

        var changes = BlockRescheduling.Plan(block, new BlockSchedule(d, d, null, [new DayOverride(d, DayOverrideKind.Replace, [new("tpl-z"), new("tpl-w")])]));

        // tpl-x (planned, position 0) goes; tpl-y (completed, position 1) stays where it is;
        // tpl-z takes position 0 with a new id, tpl-w position 2.
        Assert.Equal(deletedId, Assert.Single(changes.RemovedSessions).SessionId);
        Assert.Equal(loggedId, Assert.Single(changes.Conflicts).Id);
        Assert.Equal(new[] { (0, "tpl-z"), (2, "tpl-w") }, changes.AddedSessions.Select(a => (a.Position, a.Session.TemplateId)));
        Assert.DoesNotContain(changes.AddedSessions[0].SessionId, new[] { deletedId, loggedId });
        Assert.Equal(DeterministicIds.ForSession(dayId, 0, 1), changes.AddedSessions[0].SessionId);
        Assert.Equal(DeterministicIds.ForSession(dayId, 2), changes.AddedSessions[1].SessionId);

        RescheduleApplication.Apply(block, changes);
        StoredBlock.AssertWellFormed(block);
    }

    [Fact]
    public void A_logged_session_of_the_planned_template_and_slot_counts_as_that_session()
    {
        var d = new LocalDate(2024, 1, 7);
        var logged = new PlannedSession("tpl-long", "am") { IsCompleted = true, CompletionData = "{\"rpe\":7}" };
        var spec = new ScheduleSpec(d, d.PlusDays(6), new PatternSpec("none", [], []), [new DayOverride(d, DayOverrideKind.Replace, [logged])]);
        var block = StoredBlock.Create(new ReschedulingScenario(spec, new WorkLog([], [], []), null!, 0));
        var weekly = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>> { [IsoDayOfWeek.Sunday] = [new("tpl-long", "am"), new("tpl-core")] });

        var changes = BlockRescheduling.Plan(block, new BlockSchedule(d, d.PlusDays(6), weekly));

        Assert.Empty(changes.Conflicts);
        var added = Assert.Single(changes.AddedSessions);
        Assert.Equal(("tpl-core", 1), (added.Session.TemplateId, added.Position));
    }

    [Fact]
    public void Logged_work_outside_the_new_dates_is_a_conflict_kept_by_default_and_deleted_only_on_request()
    {
        var start = new LocalDate(2024, 1, 1);
        var spec = new ScheduleSpec(start, start.PlusDays(9), new PatternSpec("cycle", [], [[new("tpl-a")]]), []);
        var block = StoredBlock.Create(new ReschedulingScenario(spec, new WorkLog([9], [], [18]), null!, 0)); // session of Jan 10 completed; Jan 9 gets notes
        var shorter = new BlockSchedule(start, start.PlusDays(4), new CyclePattern([[new("tpl-a")]]));
        var loggedId = block.Days.Single(d => d.Date == start.PlusDays(9)).Sessions.Single().Id;
        var noteDayId = block.Days.Single(d => d.Date == start.PlusDays(8)).Id;

        var kept = BlockRescheduling.Plan(block, shorter);
        Assert.Equal(new[] { (ConflictSubject.Day, noteDayId), (ConflictSubject.Session, loggedId) }, kept.Conflicts.Select(c => (c.Subject, c.Id)));
        Assert.All(kept.Conflicts, c => Assert.Equal(ConflictResolution.Keep, c.Resolution));
        Assert.Equal(4, kept.RemovedSessions.Count); // the planned sessions of Jan 6 to 9; Jan 10's is completed
        Assert.DoesNotContain(kept.RemovedSessions, r => r.SessionId == loggedId);
        Assert.Equal(3, kept.RemovedDays.Count); // Jan 6, 7, 8; Jan 9 (notes) and Jan 10 (completed) stay

        var deleted = BlockRescheduling.Plan(block, shorter, new RescheduleOptions { Resolutions = new Dictionary<string, ConflictResolution> { [loggedId] = ConflictResolution.Delete, [noteDayId] = ConflictResolution.Delete } });
        Assert.Contains(deleted.RemovedSessions, r => r.SessionId == loggedId && r.IsLogged);
        Assert.Equal(5, deleted.RemovedSessions.Count);
        Assert.Equal(5, deleted.RemovedDays.Count); // Jan 6 to 10
    }

    [Fact]
    public void A_session_with_the_pattern_s_notes_moves_with_a_shift_and_is_the_planned_session_in_a_reschedule()
    {
        var start = new LocalDate(2024, 1, 1);
        var easy = new PlannedSession("tpl-easy", "am", "easy pace");
        var spec = new ScheduleSpec(start, start.PlusDays(13), new PatternSpec("cycle", [], [[easy], []]), []);
        var block = StoredBlock.Create(new ReschedulingScenario(spec, new WorkLog([], [], []), null!, 0));
        var noted = block.Days.Single(d => d.Date == start).Sessions.Single();
        Assert.True(LoggedWork.IsLogged(noted)); // notes are logged work: never deleted silently

        // Same dates, and a session added on the rest days: the noted sessions are the plan's, nothing is a conflict.
        var reschedule = BlockRescheduling.Plan(block, new BlockSchedule(start, start.PlusDays(13), new CyclePattern([[easy], [new("tpl-core")]])));
        Assert.Empty(reschedule.Conflicts);
        Assert.Empty(reschedule.RemovedSessions);
        Assert.All(reschedule.AddedSessions, a => Assert.Equal("tpl-core", a.Session.TemplateId));

        var shift = BlockRescheduling.PlanShift(block, 1);
        Assert.Empty(shift.Conflicts);
        RescheduleApplication.Apply(block, shift);
        Assert.Equal(
            Enumerable.Range(0, 7).Select(i => start.PlusDays(1 + (2 * i))),
            block.Days.Where(d => d.Sessions.Any(s => s.Notes == "easy pace")).Select(d => d.Date).Order());
        Assert.Equal(start.PlusDays(1), block.Days.Single(d => d.Sessions.Any(s => s.Id == noted.Id)).Date);
    }

    [Fact]
    public void Rescheduling_refuses_new_dates_over_the_limit()
    {
        var start = new LocalDate(2024, 1, 1);
        var block = StoredBlock.Create(new ReschedulingScenario(new ScheduleSpec(start, start, new PatternSpec("none", [], []), []), new WorkLog([], [], []), null!, 0));
        Assert.Throws<SpanTooLongException>(() => BlockRescheduling.Plan(block, new BlockSchedule(start, start.PlusDays(30)), new RescheduleOptions { MaxDays = 30 }));
    }

    /// <summary>The logged sessions; with <paramref name="staying"/>, only those a shift leaves on their dates.</summary>
    private static List<LoggedSession> LoggedSessions(ProgramBlock block, bool staying = false) =>
        block.Days.SelectMany(d => d.Sessions.Where(s => staying ? LoggedWork.StaysInShift(s, d, block) : LoggedWork.IsLogged(s)).Select(s => new LoggedSession(s.Id, d.Id, d.Date, s.SessionTemplateId, s.Slot, s.Notes, s.IsCompleted, s.CompletionData)))
            .OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    /// <summary>The noted sessions a shift moves with the plan, where they should land.</summary>
    private static List<(LocalDate Date, string Template, string? Slot, string? Notes)> MovingNotes(ProgramBlock block, int shift) =>
        block.Days.SelectMany(d => d.Sessions.Where(s => LoggedWork.IsLogged(s) && !LoggedWork.StaysInShift(s, d, block))
            .Select(s => (d.Date.PlusDays(shift), s.SessionTemplateId, s.Slot, s.Notes))).ToList();

    private static List<AnnotatedDay> AnnotatedDays(ProgramBlock block) =>
        block.Days.Where(LoggedWork.IsLogged).Select(d => new AnnotatedDay(d.Id, d.Date, d.Name, d.Notes, d.Readiness)).ToList();

    private static string Describe(RescheduleChangeSet c) =>
        string.Join("\n", new object[] { c.Start, c.End }.Concat(c.AddedDays).Concat(c.AnnotatedDays).Concat(c.RemovedDays).Concat(c.AddedSessions).Concat(c.MovedSessions).Concat(c.RemovedSessions).Concat(c.Conflicts));
}
