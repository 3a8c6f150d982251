using Microsoft.EntityFrameworkCore;
using Planner.Model.Scheduling;

namespace Planner.Model.Planning.Rescheduling;

/// <summary>
/// The rescheduling engine's edge to a <see cref="DbContext"/>: loads a block's days and sessions, plans
/// the change with <see cref="BlockRescheduling"/>, applies it and saves. Internal: hosts reschedule
/// through <see cref="PlanningService"/>, which adds the dual write and turns concurrency failures into
/// <see cref="PlanConcurrencyException"/>.
/// </summary>
/// <remarks>
/// Each call runs in the context's current transaction when there is one, and otherwise in its own
/// (<see cref="HostTransaction"/>). It saves twice within that transaction (rows first leave their
/// places, then take their new ones), so the unique indexes hold after every statement on every
/// provider. It also saves the context's other pending changes. Rows edited by someone else since they
/// were loaded make the save fail with <see cref="DbUpdateConcurrencyException"/>, and nothing is written.
/// </remarks>
internal static class PlannerReschedulingExtensions
{
    /// <summary>Moves a block to a new schedule: new dates, a new pattern, new overrides; the program's dates widen to cover the block's.</summary>
    /// <exception cref="KeyNotFoundException">No block has that id.</exception>
    /// <exception cref="SpanTooLongException">The new dates span more than <see cref="RescheduleOptions.MaxDays"/> days; nothing is written.</exception>
    /// <exception cref="DbUpdateConcurrencyException">A row changed since it was loaded; nothing is written.</exception>
    public static async Task<RescheduleChangeSet> RescheduleBlockAsync(this DbContext context, string blockId, BlockSchedule schedule, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(blockId);
        ArgumentNullException.ThrowIfNull(schedule);
        ProgramBlock? block = null;
        var plans = await ApplyAsync(context, async ct =>
        {
            // Tracked whatever the host's default: the engine edits what it loads and saves it.
            block = await LoadBlockAsync(context.Set<ProgramBlock>().AsTracking(), blockId, ct).ConfigureAwait(false);
            await LoadProgramAsync(context, block, ct).ConfigureAwait(false);
            return [(block, BlockRescheduling.Plan(block, schedule, options))];
        }, () => block!.Program!.Cover(block.StartDate, block.EndDate), cancellationToken).ConfigureAwait(false);
        return plans[0];
    }

    /// <summary>
    /// Shifts a block by a number of days: its dates and planned sessions move, logged work stays on the
    /// date it was done (reported as conflicts; <see cref="ConflictResolution.Move"/> takes it along); the
    /// program's dates widen to cover the block's.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No block has that id.</exception>
    /// <exception cref="OverflowException">The shifted dates leave the calendar's range; nothing is written.</exception>
    /// <exception cref="DbUpdateConcurrencyException">A row changed since it was loaded; nothing is written.</exception>
    public static async Task<RescheduleChangeSet> ShiftBlockAsync(this DbContext context, string blockId, int days, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(blockId);
        ProgramBlock? block = null;
        var plans = await ApplyAsync(context, async ct =>
        {
            block = await LoadBlockAsync(context.Set<ProgramBlock>().AsTracking(), blockId, ct).ConfigureAwait(false);
            await LoadProgramAsync(context, block, ct).ConfigureAwait(false);
            return [(block, BlockRescheduling.PlanShift(block, days, options))];
        }, () => block!.Program!.Cover(block.StartDate, block.EndDate), cancellationToken).ConfigureAwait(false);
        return plans[0];
    }

    /// <summary>Shifts a whole program by a number of days: every block as <see cref="ShiftBlockAsync"/> does, and the program's own dates.</summary>
    /// <returns>The change sets that were applied, one per block, in the blocks' order.</returns>
    /// <exception cref="KeyNotFoundException">No program has that id.</exception>
    /// <exception cref="OverflowException">The shifted dates leave the calendar's range; nothing is written.</exception>
    /// <exception cref="DbUpdateConcurrencyException">A row changed since it was loaded; nothing is written.</exception>
    public static async Task<IReadOnlyList<RescheduleChangeSet>> ShiftProgramAsync(this DbContext context, string programId, int days, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(programId);
        TrainingProgram? program = null;
        return await ApplyAsync(context, async ct =>
        {
            program = await context.Set<TrainingProgram>().AsTracking().WithPlan()
                .SingleOrDefaultAsync(p => p.Id == programId, ct).ConfigureAwait(false)
                ?? throw new PlanNotFoundException(PlanEntity.Program, programId);
            return program.Blocks.OrderBy(b => b.Position).ThenBy(b => b.StartDate).ThenBy(b => b.Id, StringComparer.Ordinal)
                .Select(b => (b, BlockRescheduling.PlanShift(b, days, options))).ToList();
        }, () =>
        {
            program!.StartDate = program.StartDate?.PlusDays(days);
            program.EndDate = program.EndDate?.PlusDays(days);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The block's program, tracked, so its dates can widen to the block's new ones.</summary>
    private static Task LoadProgramAsync(DbContext context, ProgramBlock block, CancellationToken cancellationToken) =>
        context.Entry(block).Reference(b => b.Program).LoadAsync(cancellationToken);

    /// <summary>A block with its days and sessions, as the engine plans against it.</summary>
    /// <exception cref="KeyNotFoundException">No block has that id.</exception>
    internal static async Task<ProgramBlock> LoadBlockAsync(IQueryable<ProgramBlock> blocks, string blockId, CancellationToken cancellationToken) =>
        await blocks.WithPlan().SingleOrDefaultAsync(b => b.Id == blockId, cancellationToken).ConfigureAwait(false)
        ?? throw new PlanNotFoundException(PlanEntity.Block, blockId);

    private static Task<List<RescheduleChangeSet>> ApplyAsync(
        DbContext context,
        Func<CancellationToken, Task<List<(ProgramBlock Block, RescheduleChangeSet Changes)>>> plan,
        Action? alsoChange,
        CancellationToken cancellationToken) =>
        HostTransaction.RunAsync(context, async ct =>
        {
            // Loaded inside the transaction, so what is planned against is what is changed.
            var plans = await plan(ct).ConfigureAwait(false);
            foreach (var (block, changes) in plans)
            {
                RescheduleApplication.ApplyStructure(block, changes, e => context.Add(e), e => context.Remove(e));
            }

            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            foreach (var (block, changes) in plans)
            {
                RescheduleApplication.ApplyLayout(block, changes, e => context.Add(e), e => context.Remove(e));
            }

            alsoChange?.Invoke();
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return plans.Select(p => p.Changes).ToList();
        }, cancellationToken);
}
