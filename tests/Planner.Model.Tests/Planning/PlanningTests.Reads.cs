using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Planning;

namespace Planner.Model.Tests.Planning;

public abstract partial class PlanningTests<TDatabase>
{
    [Fact]
    public async Task The_calendar_of_a_window_is_its_days_with_sessions_and_templates_in_order_in_one_command()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var from = new LocalDate(2024, 1, 8);
        var to = new LocalDate(2024, 1, 21);
        var counter = new CommandCounter();

        await using var context = CreateContext(counter);
        var window = await Service(context).CalendarAsync(seeded.ProgramId, from, to);

        Assert.Equal(1, counter.Count);

        // Oracle: the same rows loaded with plain EF Core and ordered here.
        await using var oracle = CreateContext();
        var templates = await oracle.Set<SessionTemplate>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        var expected = (await oracle.Set<ProgramDay>().AsNoTracking().Include(d => d.Sessions)
                .Where(d => d.Block!.ProgramId == seeded.ProgramId && d.Date >= from && d.Date <= to)
                .ToListAsync())
            .OrderBy(d => d.Date)
            .Select(d => (d.Id, d.Date, d.ConcurrencyStamp, Sessions: d.Sessions.OrderBy(s => s.Position).Select(s => (s.Id, s.Position, s.Slot, s.Notes, s.SessionTemplateId, templates[s.SessionTemplateId])).ToList()))
            .ToList();
        Assert.Equal(14, expected.Count);
        Assert.Equal(
            expected.Select(d => (d.Id, d.Date, d.ConcurrencyStamp, string.Join("|", d.Sessions))),
            window.Days.Select(d => (d.Id, d.Date, d.ConcurrencyStamp, string.Join("|", d.Sessions.Select(s => (s.Id, s.Position, s.Slot, s.Notes, s.TemplateId, s.TemplateName))))));
        var wednesday = window.Days.Single(d => d.Date == new LocalDate(2024, 1, 10));
        Assert.Equal(new[] { "am", "pm" }, wednesday.Sessions.Select(s => s.Slot));
        Assert.Equal("Long run 2h", wednesday.Sessions[1].TemplateName);
    }

    [Fact]
    public async Task A_window_outside_every_block_has_no_days_and_a_reversed_window_is_refused()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using var context = CreateContext();
        var service = Service(context);

        var window = await service.CalendarAsync(seeded.ProgramId, new LocalDate(2024, 4, 1), new LocalDate(2024, 4, 7));
        var edge = await service.CalendarAsync(seeded.ProgramId, new LocalDate(2024, 3, 30), new LocalDate(2024, 4, 2));

        Assert.Empty(window.Days);
        Assert.Equal(new[] { new LocalDate(2024, 3, 30), new LocalDate(2024, 3, 31) }, edge.Days.Select(d => d.Date));
        await Assert.ThrowsAsync<ArgumentException>(() => service.CalendarAsync(seeded.ProgramId, new LocalDate(2024, 1, 7), new LocalDate(2024, 1, 6)));
    }

    [Fact]
    public async Task Blocks_and_programs_by_goal_are_one_command_each()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var other = await SeedAsync();
        var counter = new CommandCounter();
        await using var context = CreateContext(counter);
        var service = Service(context);

        var blocks = await service.BlocksByGoalAsync(seeded.GoalId);
        Assert.Equal(1, counter.Count);
        var programs = await service.ProgramsByGoalAsync(seeded.GoalId, GoalScope.Program);
        Assert.Equal(2, counter.Count);

        Assert.Equal(seeded.BlockId, Assert.Single(blocks).Id);
        Assert.Equal(seeded.ProgramId, Assert.Single(programs).Id);

        // A goal nothing is linked to: empty lists, one command each; an unknown goal: not found.
        await using (var setup = CreateContext())
        {
            setup.Set<Goal>().Add(new Goal { Id = "goal-nobody-" + other.GoalId, Name = "Nobody's" });
            await setup.SaveChangesAsync();
        }

        counter.Reset();
        Assert.Empty(await service.BlocksByGoalAsync("goal-nobody-" + other.GoalId));
        Assert.Empty(await service.ProgramsByGoalAsync("goal-nobody-" + other.GoalId, GoalScope.ProgramOrBlocks));
        Assert.Equal(4, counter.Count); // an empty result checks the goal exists
        var unknown = await Assert.ThrowsAsync<PlanNotFoundException>(() => service.BlocksByGoalAsync("goal-nowhere-" + other.GoalId));
        Assert.Equal($"Goal 'goal-nowhere-{other.GoalId}' was not found.", unknown.Message);
        await Assert.ThrowsAsync<PlanNotFoundException>(() => service.ProgramsByGoalAsync("goal-nowhere-" + other.GoalId, GoalScope.Program));
    }

    [Fact]
    public async Task Compliance_per_block_and_per_week_matches_the_rows_in_one_grouped_command_each()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var today = new LocalDate(2024, 1, 17); // a Wednesday: its sessions are due, not missed

        // Complete some sessions: all of week 1, Monday of week 2, the am session of today, one future one.
        await using (var context = CreateContext())
        {
            var done = new[] { new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 3), new LocalDate(2024, 1, 6), new LocalDate(2024, 1, 8), new LocalDate(2024, 2, 3) };
            var sessions = await context.Set<ScheduledSession>()
                .Where(s => s.Day!.Block!.ProgramId == seeded.ProgramId)
                .Include(s => s.Day)
                .ToListAsync();
            foreach (var s in sessions.Where(s => done.Contains(s.Day!.Date) || (s.Day!.Date == today && s.Position == 0)))
            {
                s.IsCompleted = true;
            }

            await context.SaveChangesAsync();
        }

        var counter = new CommandCounter();
        await using var reading = CreateContext(counter);
        var service = Service(reading, new NodaTime.Testing.FakeClock(today.At(new LocalTime(9, 0)).InUtc().ToInstant()));

        var byBlock = await service.ComplianceByBlockAsync(seeded.ProgramId, DateTimeZone.Utc);
        Assert.Equal(1, counter.Count);
        var byWeek = await service.ComplianceByWeekAsync(seeded.ProgramId, DateTimeZone.Utc);
        Assert.Equal(2, counter.Count);
        Assert.Contains(counter.Commands, c => c.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase));

        // Oracle: the rows counted here.
        await using var oracle = CreateContext();
        var rows = await oracle.Set<ScheduledSession>().AsNoTracking()
            .Where(s => s.Day!.Block!.ProgramId == seeded.ProgramId)
            .Select(s => new { s.Day!.Date, s.IsCompleted })
            .ToListAsync();
        Compliance Count(IEnumerable<(LocalDate Date, bool IsCompleted)> sessions)
        {
            var list = sessions.ToList();
            return new Compliance(list.Count, list.Count(s => s.IsCompleted), list.Count(s => !s.IsCompleted && s.Date < today));
        }

        var block = Assert.Single(byBlock);
        Assert.Equal(Count(rows.Select(r => (r.Date, r.IsCompleted))), block.Compliance);
        Assert.Equal(
            rows.GroupBy(r => r.Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday))).OrderBy(g => g.Key)
                .Select(g => new WeekCompliance(g.Key, Count(g.Select(r => (r.Date, r.IsCompleted))))),
            byWeek);

        // Week 1 all done; week 2 only Monday; week 3 (today's): Monday missed, Wednesday am done, pm due today
        // (not missed), Saturday ahead; the week of 2024-02-03, done ahead of time, is fully compliant so far.
        Assert.Equal(new Compliance(4, 4, 0), byWeek[0].Compliance);
        Assert.Equal(new Compliance(4, 1, 3), byWeek[1].Compliance);
        Assert.Equal(new Compliance(4, 1, 1), byWeek[2].Compliance);
        Assert.Equal(0.5, byWeek[2].Compliance.Ratio);
        Assert.Equal(new Compliance(4, 1, 0), byWeek.Single(w => w.WeekStart == new LocalDate(2024, 1, 29)).Compliance);
        Assert.Null(byWeek[^1].Compliance.Ratio);
    }

    [Fact]
    public async Task Weekly_compliance_follows_the_configured_week_start()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using var context = CreateContext();
        var service = Service(context, ClockAt(new LocalDate(2024, 1, 10)), new PlanningOptions { WeekStart = IsoDayOfWeek.Sunday });

        var weeks = await service.ComplianceByWeekAsync(seeded.ProgramId, DateTimeZone.Utc);

        // The block starts on a Monday: its first Sunday-based week began on 2023-12-31, holding Mon/Wed/Sat.
        Assert.Equal(new LocalDate(2023, 12, 31), weeks[0].WeekStart);
        Assert.All(weeks, w => Assert.Equal(IsoDayOfWeek.Sunday, w.WeekStart.DayOfWeek));
        Assert.Equal(4, weeks[0].Compliance.Planned);
        // 2024-01-07..13 as of Wednesday the 10th: Monday missed, Wednesday's two due today, Saturday ahead.
        Assert.Equal(new Compliance(4, 0, 1), weeks[1].Compliance);
    }
}
