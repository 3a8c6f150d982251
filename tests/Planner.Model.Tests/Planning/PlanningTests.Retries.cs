using NodaTime;
using Microsoft.EntityFrameworkCore;
using Planner.Model.Planning;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Planning;

/// <summary>Hosts whose context retries on failure (EnableRetryOnFailure): writes run as one retriable unit.</summary>
public abstract partial class PlanningTests<TDatabase>
{
    private HostContext CreateRetryingContext(TransientFailures failures) =>
        new(failures.Apply((DbContextOptionsBuilder<HostContext>)Database.Configure(new DbContextOptionsBuilder<HostContext>())).Options);

    [Fact]
    public async Task On_a_context_that_retries_a_write_interrupted_at_commit_is_retried_and_lands_once()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var failures = new TransientFailures(failingCommits: 1);

        // A shift is relative: a retry that started from the failed attempt's in-memory state would move the
        // block twice. The first commit fails after the rows were written (and EF Core accepted them).
        await using (var context = CreateRetryingContext(failures))
        {
            await Service(context).ShiftProgramAsync(seeded.ProgramId, 7);
        }

        Assert.Equal(2, failures.Commits);
        await using var check = CreateContext();
        var block = await check.Set<ProgramBlock>().AsNoTracking().SingleAsync(b => b.Id == seeded.BlockId);
        Assert.Equal((BlockStart.PlusDays(7), BlockEnd.PlusDays(7)), (block.StartDate, block.EndDate));
        var days = await check.Set<ProgramDay>().AsNoTracking().Where(d => d.BlockId == seeded.BlockId).Select(d => d.Date).ToListAsync();
        Assert.Equal(BlockStart.PlusDays(7), days.Min());
        Assert.Equal(BlockEnd.PlusDays(7), days.Max());
    }

    [Fact]
    public async Task On_a_context_that_retries_a_write_whose_commit_went_through_before_the_failure_is_not_applied_again()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();

        // The commit succeeds and then the failure is reported (a lost acknowledgement): a blind retry would
        // shift the block a second time, or find the started program there and refuse.
        var shiftFailures = new TransientFailures(failingCommits: 1, afterCommit: true);
        await using (var context = CreateRetryingContext(shiftFailures))
        {
            await Service(context).ShiftProgramAsync(seeded.ProgramId, 7);
        }

        var startFailures = new TransientFailures(failingCommits: 1, afterCommit: true);
        var newId = "prog-retried-" + Guid.NewGuid().ToString("N");
        await using (var context = CreateRetryingContext(startFailures))
        {
            var started = await Service(context).StartProgramFromAsync(seeded.ProgramId, newId, "Again", new LocalDate(2025, 1, 6));
            Assert.Equal(newId, started.Id);
        }

        Assert.Equal((1, 1), (shiftFailures.Commits, startFailures.Commits));
        await using var check = CreateContext();
        var block = await check.Set<ProgramBlock>().AsNoTracking().SingleAsync(b => b.Id == seeded.BlockId);
        Assert.Equal((BlockStart.PlusDays(7), BlockEnd.PlusDays(7)), (block.StartDate, block.EndDate));
        Assert.Equal(91, await check.Set<ProgramDay>().CountAsync(d => d.Block!.ProgramId == newId));
    }

    [Fact]
    public async Task On_a_context_that_retries_a_write_after_the_host_tracked_entities_is_not_retried_and_commits_nothing()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var failures = new TransientFailures(failingCommits: 1);
        await using (var context = CreateRetryingContext(failures))
        {
            // The host loaded (and changed) an entity before the call: a retry could not start from there.
            var program = await context.Set<TrainingProgram>().SingleAsync(p => p.Id == seeded.ProgramId);
            program.Name = "Renamed by the host";

            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => Service(context).UpdateDayAsync(seeded.DayId(Wednesday), DayEdits.Full("Intervals", null, 6), Expect.Any));
            Assert.Contains("not retried", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1, failures.Commits);
        await using var check = CreateContext();
        Assert.Null((await DayRowAsync(seeded, Wednesday)).Name);
        Assert.NotEqual("Renamed by the host", (await check.Set<TrainingProgram>().AsNoTracking().SingleAsync(p => p.Id == seeded.ProgramId)).Name);
    }

    [Fact]
    public async Task On_a_context_that_retries_a_write_inside_the_hosts_transaction_joins_it()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var failures = new TransientFailures(failingCommits: 0);
        await using (var context = CreateRetryingContext(failures))
        {
            // The documented way for a host's own transaction on a retrying context: inside the strategy.
            var strategy = context.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await context.Database.BeginTransactionAsync();
                await Service(context).UpdateDayAsync(seeded.DayId(Wednesday), DayEdits.Full("Intervals", null, 6), Expect.Any);
                await transaction.CommitAsync();
            });
        }

        Assert.Equal(1, failures.Commits);
        Assert.Equal("Intervals", (await DayRowAsync(seeded, Wednesday)).Name);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_write_inside_the_hosts_TransactionScope_commits_or_rolls_back_with_it(bool complete)
    {
        Database.SkipIfUnavailable();
        Assert.SkipWhen(Database is SqliteDatabase, "EF Core's SQLite provider refuses ambient transactions (AmbientTransactionWarning), whoever opens the connection.");
        var seeded = await SeedAsync();
        using (var scope = new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled))
        {
            await using var context = CreateContext();
            await Service(context).UpdateDayAsync(seeded.DayId(Wednesday), DayEdits.Full("Intervals", null, 6), Expect.Any);
            if (complete)
            {
                scope.Complete();
            }
        }

        Assert.Equal(complete ? "Intervals" : null, (await DayRowAsync(seeded, Wednesday)).Name);
    }
}
