using Microsoft.EntityFrameworkCore;
using Planner.Model.Scheduling;

namespace Planner.Model.Planning;

public sealed partial class PlanningService
{
    /// <summary>
    /// Moves a block to a new schedule (dates, pattern, overrides) through the rescheduling engine
    /// (<see cref="PlannerReschedulingExtensions.RescheduleBlockAsync"/>): logged work stays where it is
    /// unless <paramref name="options"/> says otherwise, and is reported among the change set's conflicts.
    /// </summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="schedule">The block's new schedule.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps all logged work where it is.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The change set that was applied, conflicts included.</returns>
    /// <exception cref="KeyNotFoundException">There is no such block.</exception>
    /// <exception cref="UnknownReferenceException">The new pattern or an override names a session template that does not exist; nothing is written.</exception>
    /// <exception cref="SpanTooLongException">The new dates span too many days; nothing is written.</exception>
    /// <exception cref="PlanConcurrencyException">A day or session of the block changed meanwhile; nothing is written.</exception>
    public Task<RescheduleChangeSet> RescheduleBlockAsync(string blockId, BlockSchedule schedule, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        ArgumentNullException.ThrowIfNull(schedule);
        return WriteAsync(
            async ct =>
            {
                var programId = await ProgramOfBlockAsync(blockId, ct).ConfigureAwait(false);
                await CheckReferencesAsync($"The new schedule of block '{blockId}'", schedule.TemplateIds(), [], ct).ConfigureAwait(false);
                var changes = await EngineAsync(() => PlannerReschedulingExtensions.RescheduleBlockAsync(_context, blockId, schedule, options, ct), ct).ConfigureAwait(false);
                return (changes, programId);
            },
            cancellationToken);
    }

    /// <summary>
    /// Shifts a block by a number of days through the rescheduling engine
    /// (<see cref="PlannerReschedulingExtensions.ShiftBlockAsync"/>): its dates and planned sessions move,
    /// logged work stays on the date it was done unless <paramref name="options"/> says otherwise.
    /// </summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="days">The number of days, negative for earlier.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps all logged work where it is.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The change set that was applied.</returns>
    /// <exception cref="KeyNotFoundException">There is no such block.</exception>
    /// <exception cref="PlanConcurrencyException">A day or session of the block changed meanwhile; nothing is written.</exception>
    public Task<RescheduleChangeSet> ShiftBlockAsync(string blockId, int days, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        return WriteAsync(
            async ct =>
            {
                var programId = await ProgramOfBlockAsync(blockId, ct).ConfigureAwait(false);
                var changes = await EngineAsync(() => PlannerReschedulingExtensions.ShiftBlockAsync(_context, blockId, days, options, ct), ct).ConfigureAwait(false);
                return (changes, programId);
            },
            cancellationToken);
    }

    /// <summary>
    /// Shifts a whole program by a number of days through the rescheduling engine
    /// (<see cref="PlannerReschedulingExtensions.ShiftProgramAsync"/>): every block, and the program's dates.
    /// </summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="days">The number of days, negative for earlier.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps all logged work where it is.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The change sets that were applied, one per block, in the blocks' order.</returns>
    /// <exception cref="KeyNotFoundException">There is no such program.</exception>
    /// <exception cref="PlanConcurrencyException">A day or session of the program changed meanwhile; nothing is written.</exception>
    public Task<IReadOnlyList<RescheduleChangeSet>> ShiftProgramAsync(string programId, int days, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programId);
        return WriteAsync(
            async ct =>
            {
                var changes = await EngineAsync(() => PlannerReschedulingExtensions.ShiftProgramAsync(_context, programId, days, options, ct), ct).ConfigureAwait(false);
                return (changes, programId);
            },
            cancellationToken);
    }

    /// <summary>Runs an engine call inside this service's transaction, its concurrency failures as ours.</summary>
    private async Task<T> EngineAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var conflict = await ConflictAsync(e, cancellationToken).ConfigureAwait(false);
            if (ReferenceEquals(conflict, e))
            {
                throw;
            }

            throw conflict;
        }
    }

    private async Task<string> ProgramOfBlockAsync(string blockId, CancellationToken cancellationToken) =>
        await Query<ProgramBlock>().Where(b => b.Id == blockId).Select(b => b.ProgramId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new KeyNotFoundException($"There is no block '{blockId}'.");
}
