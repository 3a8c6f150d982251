using CsCheck;
using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Scheduling;

/// <summary>What the athlete did to a materialised block: sessions completed or noted, days annotated, by index.</summary>
public sealed record WorkLog(int[] CompletedSessions, int[] NotedSessions, int[] AnnotatedDays);

/// <summary>A block as stored (schedule A, then logged work) and the schedule it moves to (B).</summary>
public sealed record ReschedulingScenario(ScheduleSpec Before, WorkLog LoggedWork, ScheduleSpec After, int Shift)
{
    public override string ToString() => $"A: {Before}; B: {After}; shift {Shift}; completed {LoggedWork.CompletedSessions.Length}, noted {LoggedWork.NotedSessions.Length}, annotated days {LoggedWork.AnnotatedDays.Length}";
}

internal static class ReschedulingGenerators
{
    /// <summary>Short blocks (the engine is tested on long ones elsewhere) so that thousands of scenarios run quickly.</summary>
    private static readonly Gen<int> ShortLength = Gen.Frequency((1, Gen.Const(1)), (6, Gen.Int[2, 40]), (2, Gen.Int[41, 120]));

    public static Gen<ScheduleSpec> Schedule(LocalDate near, Gen<PlannedSession> session, bool loggedOverrides) =>
        from startDelta in Gen.Int[-20, 20]
        from length in ShortLength
        from pattern in ScheduleGenerators.Pattern(session)
        let start = near.PlusDays(startDelta)
        from overrides in Override(start, length, session, loggedOverrides).Array[0, Math.Min(length, 6)]
        select new ScheduleSpec(start, start.PlusDays(length - 1), pattern, overrides.DistinctBy(o => o.Date).ToArray());

    private static Gen<DayOverride> Override(LocalDate start, int length, Gen<PlannedSession> session, bool logged) =>
        from o in ScheduleGenerators.Override(start, length, session)
        from completed in Gen.Int[0, 2]
        select logged && completed == 0 && o.Kind == DayOverrideKind.Replace && o.Sessions.Count > 0
            ? new DayOverride(o.Date, o.Kind, [o.Sessions[0] with { IsCompleted = true, CompletionData = "{\"rpe\":6}" }, .. o.Sessions.Skip(1)]) { Name = o.Name, Notes = o.Notes, Readiness = o.Readiness }
            : o;

    public static readonly Gen<WorkLog> LoggedWork =
        Gen.Select(Gen.Int[0, 500].Array[0, 6], Gen.Int[0, 500].Array[0, 3], Gen.Int[0, 500].Array[0, 4], (c, n, d) => new WorkLog(c, n, d));

    /// <summary>A: plans with noted sessions and logged overrides; B: anything. For the properties that hold whatever B is.</summary>
    public static readonly Gen<ReschedulingScenario> Any =
        from near in ScheduleGenerators.StartDate
        from before in Schedule(near, ScheduleGenerators.Session, loggedOverrides: true)
        from logging in LoggedWork
        from after in Schedule(near, ScheduleGenerators.Session, loggedOverrides: true)
        from shift in Gen.Int[-30, 30]
        select new ReschedulingScenario(before, logging, after, shift);

    /// <summary>B plans nothing that counts as logged (no notes, no completed overrides): for "reschedule back restores".</summary>
    public static readonly Gen<ReschedulingScenario> PlainAfter =
        from near in ScheduleGenerators.StartDate
        from before in Schedule(near, ScheduleGenerators.Session, loggedOverrides: true)
        from logging in LoggedWork
        from after in Schedule(near, ScheduleGenerators.PlainSession, loggedOverrides: false)
        from shift in Gen.Int[-30, 30]
        select new ReschedulingScenario(before, logging, after, shift);

    public static Gen<RescheduleOptions> Options(bool allowDelete) =>
        from fallback in Gen.Int[0, allowDelete ? 2 : 1]
        select new RescheduleOptions { DefaultResolution = (ConflictResolution)fallback };
}

/// <summary>Builds the stored block of a scenario, in memory.</summary>
internal static class StoredBlock
{
    public static ProgramBlock Create(ReschedulingScenario scenario, string blockId = "blk-test")
    {
        var spec = scenario.Before;
        var block = new ProgramBlock { Id = blockId, ProgramId = "prog-test", Name = "Base", StartDate = spec.Start, EndDate = spec.End };
        foreach (var day in ScheduleExpansion.Materialize(blockId, spec.Build()))
        {
            block.Days.Add(day);
        }

        Log(block, scenario.LoggedWork);
        return block;
    }

    public static void Log(ProgramBlock block, WorkLog logging)
    {
        var days = block.Days.OrderBy(d => d.Date).ToList();
        var sessions = days.SelectMany(d => d.Sessions.OrderBy(s => s.Position)).ToList();
        if (sessions.Count > 0)
        {
            foreach (var i in logging.CompletedSessions)
            {
                var session = sessions[i % sessions.Count];
                session.IsCompleted = true;
                session.CompletionData = "{\"rpe\":" + (i % 10) + "}";
            }

            foreach (var i in logging.NotedSessions)
            {
                sessions[i % sessions.Count].Notes = "felt " + i;
            }
        }

        foreach (var i in logging.AnnotatedDays)
        {
            var day = days[i % days.Count];
            switch (i % 3)
            {
                case 0: day.Notes = "sick " + i; break;
                case 1: day.Readiness = 1 + (i % 10); break;
                default: day.Name = "Race " + i; break;
            }
        }
    }

    /// <summary>Everything a row holds, to compare states.</summary>
    public static List<string> Snapshot(ProgramBlock block) =>
        block.Days.OrderBy(d => d.Date).SelectMany(d =>
                new[] { $"day {d.Id} {d.Date:uuuu-MM-dd} {d.Name}|{d.Notes}|{d.Readiness}" }
                .Concat(d.Sessions.OrderBy(s => s.Position).Select(s => $"  {s.Id} {s.DayId} {s.Position} {s.SessionTemplateId} {s.Slot} {s.Notes} {s.IsCompleted} {s.CompletionData}")))
            .Prepend($"block {block.StartDate:uuuu-MM-dd}..{block.EndDate:uuuu-MM-dd}")
            .ToList();

    /// <summary>The planned (not logged) sessions by date and position, ids aside; with <paramref name="shift"/>, those a shift moves (noted ones included).</summary>
    public static List<string> PlannedSessions(ProgramBlock block, bool shift = false) =>
        block.Days.OrderBy(d => d.Date).SelectMany(d => d.Sessions.Where(s => shift ? !LoggedWork.StaysInShift(s, d, block) : !LoggedWork.IsLogged(s)).OrderBy(s => s.Position)
            .Select(s => $"{d.Date:uuuu-MM-dd} {s.Position} {s.SessionTemplateId} {s.Slot} {s.Notes}")).ToList();

    /// <summary>The invariants every stored block keeps: one day per date, every date of the block, unique ids and positions.</summary>
    public static void AssertWellFormed(ProgramBlock block)
    {
        var dates = block.Days.Select(d => d.Date).ToList();
        Assert.Equal(dates.Count, dates.Distinct().Count());
        for (var date = block.StartDate; date <= block.EndDate; date = date.PlusDays(1))
        {
            Assert.Contains(date, dates);
        }

        var ids = block.Days.Select(d => d.Id).Concat(block.Days.SelectMany(d => d.Sessions).Select(s => s.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var day in block.Days)
        {
            Assert.Equal(block.Id, day.BlockId);
            Assert.All(day.Sessions, s => Assert.Equal(day.Id, s.DayId));
            Assert.All(day.Sessions, s => Assert.InRange(s.Position, 0, RescheduleApplication.TemporaryPositionBase - 1));
            Assert.Equal(day.Sessions.Count, day.Sessions.Select(s => s.Position).Distinct().Count());
        }

        // Days outside the block stay only for logged work.
        Assert.All(block.Days.Where(d => d.Date < block.StartDate || d.Date > block.EndDate),
            d => Assert.True(LoggedWork.IsLogged(d) || d.Sessions.Any(LoggedWork.IsLogged), $"{d.Date} outside the block has nothing logged"));
    }
}
