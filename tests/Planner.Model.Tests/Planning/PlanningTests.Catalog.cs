using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Planning;

/// <summary>Issue 10: what a host needs to leave weekly_schedule behind (create, link, edit, delete, goals through blocks).</summary>
public abstract partial class PlanningTests<TDatabase>
{
    [Fact]
    public async Task A_host_builds_a_plan_through_the_api_alone()
    {
        Database.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N");
        await using var context = CreateContext();
        var service = Service(context);

        var goal = await service.CreateGoalAsync("Sub-3:30 marathon", "goal-" + suffix);
        var template = await service.CreateSessionTemplateAsync("Easy run 45'");
        var program = await service.CreateProgramAsync("Marathon " + suffix, [goal.Id]);
        var pattern = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>> { [IsoDayOfWeek.Monday] = [new PlannedSession(template.Id)] });
        var block = await service.AddBlockAsync(program.Id, "Base", new BlockSchedule(BlockStart, BlockStart.PlusDays(13), pattern));
        var edited = await service.UpdateBlockAsync(block.Id, new BlockEdit { Name = "Base 1", Color = "#4caf50", GoalIds = new[] { goal.Id } });
        var recoloured = await service.UpdateBlockAsync(block.Id, new BlockEdit { Color = null });

        Assert.Equal(("goal-" + suffix, "Sub-3:30 marathon"), (goal.Id, goal.Name));
        Assert.True(Guid.TryParse(template.Id, out var templateGuid) && templateGuid.Version == 7);
        Assert.Equal(new ProgramSummary(program.Id, "Marathon " + suffix, null, null), program);
        Assert.Equal(("Base 1", "#4caf50"), (edited.Name, edited.Color));
        Assert.Equal(("Base 1", (string?)null), (recoloured.Name, recoloured.Color));
        await using var check = CreateContext();
        var stored = await check.Set<TrainingProgram>().AsNoTracking().Include(p => p.GoalLinks).Include(p => p.Blocks).ThenInclude(b => b.GoalLinks).SingleAsync(p => p.Id == program.Id);
        Assert.Equal((BlockStart, BlockStart.PlusDays(13)), (stored.StartDate!.Value, stored.EndDate!.Value));
        Assert.Equal([goal.Id], stored.GoalLinks.Select(l => l.GoalId));
        Assert.Equal([goal.Id], stored.Blocks.Single().GoalLinks.Select(l => l.GoalId));
        Assert.Equal("Easy run 45'", (await Service(check).CalendarAsync(program.Id, BlockStart, BlockStart)).Days.Single().Sessions.Single().TemplateName);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Service(CreateContext()).CreateGoalAsync("again", goal.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Service(CreateContext()).CreateProgramAsync("again", programId: program.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Service(CreateContext()).CreateSessionTemplateAsync("again", template.Id));
        var unknown = await Assert.ThrowsAsync<UnknownReferenceException>(() => Service(CreateContext()).CreateProgramAsync("x", ["goal-nowhere-" + suffix]));
        Assert.Equal(["goal-nowhere-" + suffix], unknown.GoalIds);
        await Assert.ThrowsAsync<UnknownReferenceException>(() => Service(CreateContext()).UpdateBlockAsync(block.Id, new BlockEdit { GoalIds = new[] { "goal-nowhere-" + suffix } }));
        await Assert.ThrowsAsync<ArgumentException>(() => Service(CreateContext()).UpdateBlockAsync(block.Id, new BlockEdit { Name = " " }));
        Assert.Equal($"Block 'blk-nowhere-{suffix}' was not found.", (await Assert.ThrowsAsync<PlanNotFoundException>(() => Service(CreateContext()).UpdateBlockAsync("blk-nowhere-" + suffix, new BlockEdit { Name = "x" }))).Message);
    }

    [Fact]
    public async Task Goals_link_and_unlink_on_programs_and_blocks_once_each_and_unknown_ids_are_not_found()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using var context = CreateContext();
        var service = Service(context);
        var second = await service.CreateGoalAsync("10k PB");

        var linked = await service.LinkProgramGoalAsync(seeded.ProgramId, second.Id);
        var again = await service.LinkProgramGoalAsync(seeded.ProgramId, second.Id);
        var blockLinked = await service.LinkBlockGoalAsync(seeded.BlockId, second.Id);
        var unlinked = await service.UnlinkProgramGoalAsync(seeded.ProgramId, seeded.GoalId);
        var unlinkedAgain = await service.UnlinkProgramGoalAsync(seeded.ProgramId, seeded.GoalId);
        var blockUnlinked = await service.UnlinkBlockGoalAsync(seeded.BlockId, seeded.GoalId);

        var both = new[] { seeded.GoalId, second.Id }.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(both, linked);
        Assert.Equal(both, again);
        Assert.Equal(both, blockLinked);
        Assert.Equal([second.Id], unlinked);
        Assert.Equal([second.Id], unlinkedAgain);
        Assert.Equal([second.Id], blockUnlinked);
        await using var check = CreateContext();
        Assert.Equal([second.Id], await check.Set<ProgramGoal>().Where(l => l.ProgramId == seeded.ProgramId).Select(l => l.GoalId).ToListAsync());
        Assert.Equal([second.Id], await check.Set<BlockGoal>().Where(l => l.BlockId == seeded.BlockId).Select(l => l.GoalId).ToListAsync());

        Assert.Equal(PlanEntity.Goal, (await Assert.ThrowsAsync<PlanNotFoundException>(() => Service(CreateContext()).LinkProgramGoalAsync(seeded.ProgramId, "goal-nowhere"))).Entity);
        Assert.Equal(PlanEntity.Program, (await Assert.ThrowsAsync<PlanNotFoundException>(() => Service(CreateContext()).LinkProgramGoalAsync("prog-nowhere", second.Id))).Entity);
        Assert.Equal(PlanEntity.Block, (await Assert.ThrowsAsync<PlanNotFoundException>(() => Service(CreateContext()).UnlinkBlockGoalAsync("blk-nowhere", second.Id))).Entity);
    }

    [Fact]
    public async Task Programs_by_goal_count_a_block_goal_only_when_asked_in_one_command()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using (var setup = CreateContext())
        {
            // The goal on the block only; another program has it on the program and on its block.
            await Service(setup).UnlinkProgramGoalAsync(seeded.ProgramId, seeded.GoalId);
            var other = await Service(setup).StartProgramFromAsync(seeded.ProgramId, "again-" + seeded.ProgramId, "Again " + seeded.ProgramId, new LocalDate(2025, 1, 6));
            await Service(setup).LinkProgramGoalAsync(other.Id, seeded.GoalId);
        }

        var counter = new CommandCounter();
        await using var context = CreateContext(counter);
        var direct = await Service(context).ProgramsByGoalAsync(seeded.GoalId, GoalScope.Program);
        var throughBlocks = await Service(context).ProgramsByGoalAsync(seeded.GoalId, GoalScope.ProgramOrBlocks);

        Assert.Equal(2, counter.Count);
        Assert.Equal(["again-" + seeded.ProgramId], direct.Select(p => p.Id));
        Assert.Equal(new[] { "again-" + seeded.ProgramId, seeded.ProgramId }.Order(StringComparer.Ordinal), throughBlocks.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Deleting_a_block_or_program_with_logged_work_is_refused_unless_asked_and_then_removes_every_row()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var am = DeterministicIds.ForSession(seeded.DayId(Wednesday), 0);
        BlockSummary build;
        await using (var setup = CreateContext())
        {
            await Service(setup).CompleteSessionAsync(am, new SessionCompletion { Rpe = 6 }, Expect.Any);
            build = await Service(setup).AddBlockAsync(seeded.ProgramId, "Build", new BlockSchedule(BlockEnd.PlusDays(1), BlockEnd.PlusDays(7)), goalIds: [seeded.GoalId]);
        }

        async Task<(int Blocks, int Days, int Sessions, int Links)> RowsAsync(string programId)
        {
            await using var check = CreateContext();
            return (
                await check.Set<ProgramBlock>().CountAsync(b => b.ProgramId == programId),
                await check.Set<ProgramDay>().CountAsync(d => d.Block!.ProgramId == programId),
                await check.Set<ScheduledSession>().CountAsync(s => s.Day!.Block!.ProgramId == programId),
                await check.Set<BlockGoal>().CountAsync(l => l.Block!.ProgramId == programId));
        }

        // A block with nothing logged goes; the program's dates stay.
        await using (var context = CreateContext())
        {
            await Service(context).DeleteBlockAsync(build.Id, LoggedWorkPolicy.Refuse);
        }

        Assert.Equal((1, 91, 52, 1), await RowsAsync(seeded.ProgramId));

        var refused = await Assert.ThrowsAsync<LoggedWorkException>(() => Service(CreateContext()).DeleteBlockAsync(seeded.BlockId, LoggedWorkPolicy.Refuse));
        // The completed session, and the 13 Wednesday sessions with notes ("hilly"): notes count as logged, the one rule.
        Assert.Equal((PlanEntity.Block, seeded.BlockId, 14, 0), (refused.Entity, refused.Id, refused.LoggedSessions, refused.LoggedDays));
        Assert.Contains("the first on 2024-01-03", refused.Message);
        var programRefused = await Assert.ThrowsAsync<LoggedWorkException>(() => Service(CreateContext()).DeleteProgramAsync(seeded.ProgramId, LoggedWorkPolicy.Refuse));
        Assert.Equal(PlanEntity.Program, programRefused.Entity);
        Assert.Equal((1, 91, 52, 1), await RowsAsync(seeded.ProgramId));

        await using (var context = CreateContext())
        {
            await Service(context).DeleteProgramAsync(seeded.ProgramId, LoggedWorkPolicy.Delete);
        }

        Assert.Equal((0, 0, 0, 0), await RowsAsync(seeded.ProgramId));
        await using var after = CreateContext();
        Assert.False(await after.Set<TrainingProgram>().AnyAsync(p => p.Id == seeded.ProgramId));
        Assert.False(await after.Set<ProgramGoal>().AnyAsync(l => l.ProgramId == seeded.ProgramId));
        Assert.True(await after.Set<Goal>().AnyAsync(g => g.Id == seeded.GoalId)); // goals and templates are shared: they stay
        Assert.True(await after.Set<SessionTemplate>().AnyAsync(t => t.Id == seeded.EasyTemplateId));
        await Assert.ThrowsAsync<PlanNotFoundException>(() => Service(CreateContext()).CalendarAsync(seeded.ProgramId, BlockStart, BlockEnd));
        await Assert.ThrowsAsync<PlanNotFoundException>(() => Service(CreateContext()).DeleteProgramAsync(seeded.ProgramId, LoggedWorkPolicy.Delete));
    }
}
