using Planner.Model;
using Planner.Model.Scheduling;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Reschedules blocks stored through any <see cref="DbContext"/> whose model was built with
/// <c>ApplyPlannerModel()</c>: loads the block's days and sessions, plans the change with
/// <see cref="BlockRescheduling"/>, applies it and saves, in one transaction.
/// </summary>
/// <remarks>
/// <para>
/// Each call joins the context's current transaction when there is one, and otherwise opens and commits
/// its own. It saves twice within that transaction (rows first leave their places, then take their new
/// ones), so the unique indexes hold after every statement on every provider. Like
/// <see cref="DbContext.SaveChangesAsync(CancellationToken)"/>, it also saves the context's other
/// pending changes.
/// </para>
/// <para>
/// Rows edited by someone else since they were loaded make the save fail with
/// <see cref="DbUpdateConcurrencyException"/> (the rows' concurrency tokens), and nothing is written;
/// the context's tracked rows are then stale, so use a new context to retry. With a retrying execution
/// strategy, call these inside <c>context.Database.CreateExecutionStrategy().ExecuteAsync(...)</c>.
/// </para>
/// <para>To preview a change (its conflicts) without writing, load the block and call <see cref="BlockRescheduling.Plan"/>.</para>
/// </remarks>
public static class PlannerReschedulingExtensions
{
    /// <summary>Moves a block to a new schedule: new dates, a new pattern, new overrides.</summary>
    /// <param name="context">The host's context.</param>
    /// <param name="blockId">The block's id.</param>
    /// <param name="schedule">The block's new schedule.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps all logged work where it is.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The change set that was applied, conflicts included. Applying the same schedule again gives an empty one.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">No block has that id.</exception>
    /// <exception cref="SpanTooLongException">The new dates span more than <see cref="RescheduleOptions.MaxDays"/> days; nothing is written.</exception>
    /// <exception cref="DbUpdateConcurrencyException">A row changed since it was loaded; nothing is written.</exception>
    public static async Task<RescheduleChangeSet> RescheduleBlockAsync(this DbContext context, string blockId, BlockSchedule schedule, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(blockId);
        ArgumentNullException.ThrowIfNull(schedule);
        var plans = await InTransactionAsync(context, async ct =>
        {
            var block = await LoadBlockAsync(context, blockId, ct).ConfigureAwait(false);
            return [(block, BlockRescheduling.Plan(block, schedule, options))];
        }, null, cancellationToken).ConfigureAwait(false);
        return plans[0];
    }

    /// <summary>
    /// Shifts a block by a number of days: its dates and planned sessions move, logged work stays on the
    /// date it was done (reported as conflicts; <see cref="ConflictResolution.Move"/> takes it along).
    /// </summary>
    /// <param name="context">The host's context.</param>
    /// <param name="blockId">The block's id.</param>
    /// <param name="days">The number of days, negative for earlier.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps all logged work where it is.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The change set that was applied.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">No block has that id.</exception>
    /// <exception cref="OverflowException">The shifted dates leave the calendar's range; nothing is written.</exception>
    /// <exception cref="DbUpdateConcurrencyException">A row changed since it was loaded; nothing is written.</exception>
    public static async Task<RescheduleChangeSet> ShiftBlockAsync(this DbContext context, string blockId, int days, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(blockId);
        var plans = await InTransactionAsync(context, async ct =>
        {
            var block = await LoadBlockAsync(context, blockId, ct).ConfigureAwait(false);
            return [(block, BlockRescheduling.PlanShift(block, days, options))];
        }, null, cancellationToken).ConfigureAwait(false);
        return plans[0];
    }

    /// <summary>
    /// Shifts a whole program by a number of days: every block as <see cref="ShiftBlockAsync"/> does,
    /// and the program's own dates.
    /// </summary>
    /// <param name="context">The host's context.</param>
    /// <param name="programId">The program's id.</param>
    /// <param name="days">The number of days, negative for earlier.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps all logged work where it is.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The change sets that were applied, one per block, in the blocks' order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">No program has that id.</exception>
    /// <exception cref="OverflowException">The shifted dates leave the calendar's range; nothing is written.</exception>
    /// <exception cref="DbUpdateConcurrencyException">A row changed since it was loaded; nothing is written.</exception>
    public static async Task<IReadOnlyList<RescheduleChangeSet>> ShiftProgramAsync(this DbContext context, string programId, int days, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(programId);
        TrainingProgram? program = null;
        return await InTransactionAsync(context, async ct =>
        {
            program = await context.Set<TrainingProgram>()
                .Include(p => p.Blocks).ThenInclude(b => b.Days).ThenInclude(d => d.Sessions)
                .AsSplitQuery()
                .SingleOrDefaultAsync(p => p.Id == programId, ct).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"No program has the id '{programId}'.");
            return program.Blocks.OrderBy(b => b.Position).ThenBy(b => b.StartDate).ThenBy(b => b.Id, StringComparer.Ordinal)
                .Select(b => (b, BlockRescheduling.PlanShift(b, days, options))).ToList();
        }, () =>
        {
            program!.StartDate = program.StartDate?.PlusDays(days);
            program.EndDate = program.EndDate?.PlusDays(days);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ProgramBlock> LoadBlockAsync(DbContext context, string blockId, CancellationToken cancellationToken) =>
        await context.Set<ProgramBlock>()
            .Include(b => b.Days).ThenInclude(d => d.Sessions)
            .SingleOrDefaultAsync(b => b.Id == blockId, cancellationToken).ConfigureAwait(false)
        ?? throw new KeyNotFoundException($"No block has the id '{blockId}'.");

    private static async Task<List<RescheduleChangeSet>> InTransactionAsync(
        DbContext context,
        Func<CancellationToken, Task<List<(ProgramBlock Block, RescheduleChangeSet Changes)>>> plan,
        Action? alsoChange,
        CancellationToken cancellationToken)
    {
        var own = context.Database.CurrentTransaction is null
            ? await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            // Loaded inside the transaction, so what is planned against is what is changed.
            var plans = await plan(cancellationToken).ConfigureAwait(false);
            foreach (var (block, changes) in plans)
            {
                RescheduleApplication.ApplyStructure(block, changes, e => context.Add(e), e => context.Remove(e));
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (block, changes) in plans)
            {
                RescheduleApplication.ApplyLayout(block, changes, e => context.Add(e), e => context.Remove(e));
            }

            alsoChange?.Invoke();
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return plans.Select(p => p.Changes).ToList();
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
