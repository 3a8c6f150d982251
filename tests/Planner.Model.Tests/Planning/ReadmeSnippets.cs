using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Planning;

/// <summary>A host's context as the README shows it.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyPlannerModel();
}

/// <summary>
/// The README's planning snippets, verbatim (ReadmeTests checks every <c>csharp title=</c> block of the
/// README occurs here), so they compile; PlanningTests runs them against each database.
/// </summary>
public static class ReadmeSnippets
{
    public static PlanningService CreatePlanner(AppDbContext db)
    {
        var planner = new PlanningService(db, SystemClock.Instance);
        return planner;
    }

    public static PlanningService CreatePlannerWithOptions(AppDbContext db, ILegacyScheduleWriter reverseWriter)
    {
        var planner = new PlanningService(db, SystemClock.Instance, new PlanningOptions
        {
            WeekStart = IsoDayOfWeek.Sunday,          // Monday by default
            LegacyScheduleWriter = reverseWriter,     // dual writes during the transition; null turns them off
        });
        return planner;
    }

    public static IServiceCollection AddPlanner(IServiceCollection services, string connectionString, ILegacyScheduleWriter reverseWriter)
    {
        services.AddDbContext<AppDbContext>(options => options.UseNpgsql(connectionString));
        services.AddPlanning<AppDbContext>(options =>
        {
            options.WeekStart = IsoDayOfWeek.Sunday;      // checked when the host starts (ValidateOnStart)
            options.LegacyScheduleWriter = reverseWriter; // dual writes during the transition; null turns them off
        });
        // PlanningService is scoped, like the context; IClock is SystemClock.Instance unless registered before.
        return services;
    }

    public static async Task<List<string>> ChartAsync(PlanningService planner, string programId)
    {
        CalendarWindow window = await planner.CalendarAsync(programId, new LocalDate(2024, 3, 25), new LocalDate(2024, 4, 7), CalendarGaps.Fill);
        var bars = window.Dates!
            .Select(date => $"{date.Date:uuuu-MM-dd} {(date.IsGap ? "-" : date.Days.Sum(d => d.Sessions.Count).ToString(CultureInfo.InvariantCulture))}")
            .ToList(); // every date, those outside the blocks included: nothing to fill in
        return bars;
    }

    public static async Task<(ProgramSummary, BlockSummary)> CreatePlanAsync(PlanningService planner)
    {
        GoalSummary goal = await planner.CreateGoalAsync("Sub-3:30 marathon");
        SessionTemplateSummary easy = await planner.CreateSessionTemplateAsync("Easy run 45'");
        ProgramSummary program = await planner.CreateProgramAsync("Marathon 2024", goalIds: [goal.Id]);
        var mondays = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>> { [IsoDayOfWeek.Monday] = [new PlannedSession(easy.Id)] });
        BlockSummary block = await planner.AddBlockAsync(program.Id, "Base", new BlockSchedule(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31), mondays));
        block = await planner.UpdateBlockAsync(block.Id, new BlockEdit { Name = "Base 1", Color = "#4caf50" }); // unset fields stay
        await planner.LinkBlockGoalAsync(block.Id, goal.Id);
        return (program, block);
    }

    public static async Task<int?> DeleteAsync(PlanningService planner, string blockId, string programId)
    {
        try
        {
            await planner.DeleteBlockAsync(blockId, LoggedWorkPolicy.Refuse); // refused while it holds logged work
        }
        catch (LoggedWorkException logged)
        {
            // Ask the user first (logged.Message counts the sessions and days), then say so in so many words.
            await planner.DeleteProgramAsync(programId, LoggedWorkPolicy.Delete);
            return logged.LoggedSessions;
        }

        return null;
    }

    public static async Task<(int Status, string? Message)> NotFoundAsync(PlanningService planner, string programId, LocalDate from, LocalDate to)
    {
        try
        {
            CalendarWindow window = await planner.CalendarAsync(programId, from, to); // empty: the program has nothing there
            return (200, null);
        }
        catch (PlanNotFoundException missing) // a KeyNotFoundException: "Program 'p-1' was not found."
        {
            return (404, missing.Message); // missing.Entity is PlanEntity.Program, missing.Id the id asked for
        }
    }

    public static async Task<List<string>> CalendarAsync(PlanningService planner, string programId)
    {
        CalendarWindow window = await planner.CalendarAsync(programId, new LocalDate(2024, 1, 8), new LocalDate(2024, 1, 14));
        var lines = window.Days
            .Select(day => $"{day.Date:uuuu-MM-dd} {string.Join(" + ", day.Sessions.Select(s => s.Slot + " " + s.TemplateName))}")
            .ToList();
        return lines;
    }

    public static async Task<(CalendarWindow Today, CalendarWindow ThisWeek)> TodayAsync(PlanningService planner, string programId)
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb["Pacific/Auckland"]; // the athlete's, kept with their profile
        CalendarWindow today = await planner.TodayAsync(programId, zone);       // today.From is their date, not the server's
        CalendarWindow thisWeek = await planner.ThisWeekAsync(programId, zone);
        return (today, thisWeek);
    }

    public static async Task<(IReadOnlyList<BlockSummary>, IReadOnlyList<ProgramSummary>)> ByGoalAsync(PlanningService planner, string goalId)
    {
        IReadOnlyList<BlockSummary> blocks = await planner.BlocksByGoalAsync(goalId);
        IReadOnlyList<ProgramSummary> programs = await planner.ProgramsByGoalAsync(goalId, GoalScope.Program);              // linked themselves
        IReadOnlyList<ProgramSummary> viaBlocks = await planner.ProgramsByGoalAsync(goalId, GoalScope.ProgramOrBlocks);    // or through a block
        return (blocks, programs);
    }

    public static async Task<(IReadOnlyList<BlockCompliance>, IReadOnlyList<WeekCompliance>)> ComplianceAsync(PlanningService planner, string programId, DateTimeZone zone)
    {
        IReadOnlyList<BlockCompliance> byBlock = await planner.ComplianceByBlockAsync(programId, zone);
        IReadOnlyList<WeekCompliance> byWeek = await planner.ComplianceByWeekAsync(programId, zone);
        foreach (var week in byWeek)
        {
            var (planned, completed, missed) = (week.Compliance.Planned, week.Compliance.Completed, week.Compliance.Missed);
            double? ratio = week.Compliance.Ratio; // completed / (completed + missed); null when nothing was due yet
        }

        return (byBlock, byWeek);
    }

    public static async Task<(string? ETag, CalendarDay? Conflict)> UpdateDayAsync(PlanningService planner, string dayId, string etag)
    {
        CalendarDay? current = null;
        try
        {
            var edit = new DayEdit { Name = "Hill day", Readiness = 7 }; // unset fields (the notes) stay as they are
            CalendarDay saved = await planner.UpdateDayAsync(dayId, edit, Expect.Stamp(etag)); // or Expect.Any: overwrite whatever is there
            etag = saved.ConcurrencyStamp; // the next ETag
        }
        catch (PlanConcurrencyException conflict)
        {
            current = conflict.CurrentDay; // someone else edited this day: show what is current (HTTP 412)
        }

        return (etag, current);
    }

    public static async Task<CalendarDay> SessionsAsync(PlanningService planner, string dayId, string templateId, LocalDate nextDay)
    {
        CalendarDay day = await planner.AddSessionAsync(dayId, templateId, Expect.Any, slot: "pm", notes: "strides");
        day = await planner.ReorderSessionsAsync(day.Id, day.Sessions.Select(s => s.Id).Reverse().ToList(), Expect.Stamp(day.ConcurrencyStamp));
        day = await planner.RemoveSessionAsync(day.Sessions[1].Id, Expect.Stamp(day.Sessions[1].ConcurrencyStamp));
        CalendarDay moved = await planner.MoveSessionAsync(day.Sessions[0].Id, nextDay, Expect.Stamp(day.Sessions[0].ConcurrencyStamp)); // keeps its id
        return moved;
    }

    public static async Task<CalendarSession> CompleteAsync(PlanningService planner, CalendarSession session)
    {
        var completion = new SessionCompletion { Rpe = 7, DurationMinutes = 95, DistanceKm = 18.2m };
        completion.OtherFields["hr_avg"] = 151; // any other field is kept as given
        CalendarSession done = await planner.CompleteSessionAsync(session.Id, completion, Expect.Stamp(session.ConcurrencyStamp));
        decimal? rpe = done.Completion?.Rpe; // the read models give the parsed completion, never JSON text
        return done;
    }

    public static async Task<BlockSummary> AddBlockAsync(PlanningService planner, string programId, string easyId, string longId)
    {
        var week = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>
        {
            [IsoDayOfWeek.Tuesday] = [new PlannedSession(easyId, "am"), new PlannedSession(easyId, "pm")],
            [IsoDayOfWeek.Sunday] = [new PlannedSession(longId)],
        });
        var schedule = new BlockSchedule(new LocalDate(2024, 4, 1), new LocalDate(2024, 4, 28), week);
        BlockSummary peak = await planner.AddBlockAsync(programId, "Peak", schedule, color: "#f44336");
        return peak;
    }

    public static async Task<(CalendarWindow, ProgramSummary)> CopyAsync(PlanningService planner, string programId)
    {
        // Week 6 gets week 2's plan; what was logged in week 6 stays.
        CalendarWindow week6 = await planner.CopyWeekAsync(programId, sourceStart: new LocalDate(2024, 1, 8), targetStart: new LocalDate(2024, 2, 5));

        // The athlete liked the plan: run it again from next January, with nothing logged carried over.
        ProgramSummary again = await planner.StartProgramFromAsync(programId, newProgramId: Guid.NewGuid().ToString(), "Marathon 2025", new LocalDate(2025, 1, 6));
        return (week6, again);
    }

    public static async Task<(RescheduleChangeSet, IReadOnlyList<RescheduleChangeSet>)> RescheduleAsync(PlanningService planner, string programId, string blockId, BlockSchedule newSchedule)
    {
        // What it would do, conflicts included, without writing anything.
        RescheduleChangeSet preview = await planner.PreviewRescheduleAsync(blockId, newSchedule);
        RescheduleChangeSet changes = await planner.RescheduleBlockAsync(blockId, newSchedule);
        var keptWhereDone = changes.Conflicts.Select(c => (c.Id, c.Date, c.Reason)).ToList();

        // Ill for three days: the whole program moves three days later.
        IReadOnlyList<RescheduleChangeSet> perBlock = await planner.ShiftProgramAsync(programId, days: 3);
        return (changes, perBlock);
    }

    public static List<string> Expand()
    {
        // Three weeks that rotate (counted from the block's start, a Wednesday here), and one override.
        var hard = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>
        {
            [IsoDayOfWeek.Tuesday] = [new PlannedSession("tpl-intervals", "am"), new PlannedSession("tpl-core", "pm")],
            [IsoDayOfWeek.Sunday] = [new PlannedSession("tpl-long")],
        });
        var easy = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>
        {
            [IsoDayOfWeek.Saturday] = [new PlannedSession("tpl-easy-45")],
        });
        var race = new DayOverride(new LocalDate(2024, 3, 17), DayOverrideKind.Replace, [new PlannedSession("tpl-race")]) { Name = "Race day" };
        var schedule = new BlockSchedule(new LocalDate(2024, 2, 28), new LocalDate(2024, 3, 31), new RotatingWeeksPattern([hard, hard, easy]), [race]);

        // A lazy stream: nothing is allocated per day, and spans over 3,660 days are refused up front.
        var lines = new List<string>();
        foreach (PlannedDay day in ScheduleExpansion.Expand(schedule))
        {
            foreach (PlannedSession session in day.Sessions)
            {
                lines.Add($"{day.Date:uuuu-MM-dd} {session.TemplateId} {session.Slot}");
            }
        }

        // The same rows on every run: ids are ordered RFC 9562 version-8 UUIDs of the block id, the date and the position (docs/migration.md).
        List<ProgramDay> rows = ScheduleExpansion.Materialize(blockId: "blk-peak", schedule).ToList();
        return lines;
    }
}
