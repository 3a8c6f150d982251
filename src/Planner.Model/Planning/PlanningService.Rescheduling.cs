using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Planning.Rescheduling;
using Planner.Model.Scheduling;
using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Planning;

public sealed partial class PlanningService
{
    /// <summary>
    /// Moves a block to a new schedule (dates, pattern, overrides) through the rescheduling engine:
    /// planned, untouched sessions follow the new schedule; logged work (<see cref="PreviewRescheduleAsync"/>
    /// says what counts) stays where it is unless <paramref name="options"/> says otherwise, and is
    /// reported among the change set's conflicts. Applying the same schedule again changes nothing.
    /// </summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="schedule">The block's new schedule.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps all logged work where it is.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The change set that was applied, conflicts included.</returns>
    /// <exception cref="PlanNotFoundException">There is no such block.</exception>
    /// <exception cref="BlockOverlapException">The new dates overlap another block of the program; nothing is written.</exception>
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
                var (programId, _, _) = await ProgramOfBlockAsync(blockId, ct).ConfigureAwait(false);
                await LockProgramAsync(programId, ct).ConfigureAwait(false); // its dates widen from what is committed
                await CheckNoOverlapAsync(programId, blockId, schedule.Start, schedule.End, nameof(schedule), ct).ConfigureAwait(false);
                await CheckReferencesAsync($"The new schedule of block '{blockId}'", schedule.TemplateIds(), [], ct).ConfigureAwait(false);
                var changes = await _context.RescheduleBlockAsync(blockId, schedule, options, ct).ConfigureAwait(false);
                return (changes, programId);
            },
            cancellationToken);
    }

    /// <summary>
    /// What <see cref="RescheduleBlockAsync"/> would do, without writing anything: the change set,
    /// conflicts included, so a host can show them and ask which to keep, move or delete.
    /// </summary>
    /// <remarks>
    /// <para>Logged work is never deleted on its own: a completed session, a session with completion data
    /// or notes, and a day with a name, notes or readiness. A session not done whose template, slot and
    /// notes equal a session the new schedule puts on its date is that planned session (its notes were
    /// the plan's), not logged work beside it.</para>
    /// </remarks>
    /// <param name="blockId">The block's id.</param>
    /// <param name="schedule">The block's new schedule.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps all logged work where it is.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The change set <see cref="RescheduleBlockAsync"/> would apply now.</returns>
    /// <exception cref="PlanNotFoundException">There is no such block.</exception>
    /// <exception cref="SpanTooLongException">The new dates span too many days.</exception>
    public async Task<RescheduleChangeSet> PreviewRescheduleAsync(string blockId, BlockSchedule schedule, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        ArgumentNullException.ThrowIfNull(schedule);
        var block = await PlannerReschedulingExtensions.LoadBlockAsync(Query<ProgramBlock>(), blockId, cancellationToken).ConfigureAwait(false);
        return BlockRescheduling.Plan(block, schedule, options);
    }

    /// <summary>
    /// Shifts a block by a number of days through the rescheduling engine: its dates and its sessions
    /// move with it, each session keeping its id, including sessions with notes (planned or the athlete's planning note, they move
    /// with their day); work done (a completed session, one with completion data) stays on the date it
    /// was done unless <paramref name="options"/> says otherwise, and days keep their names, notes and
    /// readiness on their dates.
    /// </summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="days">The number of days, negative for earlier.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps all logged work where it is.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The change set that was applied.</returns>
    /// <exception cref="PlanNotFoundException">There is no such block.</exception>
    /// <exception cref="BlockOverlapException">The shifted dates overlap another block of the program; nothing is written.</exception>
    /// <exception cref="PlanConcurrencyException">A day or session of the block changed meanwhile; nothing is written.</exception>
    public Task<RescheduleChangeSet> ShiftBlockAsync(string blockId, int days, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        return WriteAsync(
            async ct =>
            {
                var (programId, start, end) = await ProgramOfBlockAsync(blockId, ct).ConfigureAwait(false);
                await LockProgramAsync(programId, ct).ConfigureAwait(false); // its dates widen from what is committed
                if (Shifted(start, days) is { } newStart && Shifted(end, days) is { } newEnd)
                {
                    await CheckNoOverlapAsync(programId, blockId, newStart, newEnd, nameof(days), ct).ConfigureAwait(false);
                }

                var changes = await _context.ShiftBlockAsync(blockId, days, options, ct).ConfigureAwait(false);
                return (changes, programId);
            },
            cancellationToken);
    }

    /// <summary>
    /// Shifts a whole program by a number of days through the rescheduling engine: every block as
    /// <see cref="ShiftBlockAsync"/> does, and the program's dates.
    /// </summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="days">The number of days, negative for earlier.</param>
    /// <param name="options">Conflict resolutions; <see langword="null"/> keeps all logged work where it is.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The change sets that were applied, one per block, in the blocks' order.</returns>
    /// <exception cref="PlanNotFoundException">There is no such program.</exception>
    /// <exception cref="PlanConcurrencyException">A day or session of the program changed meanwhile; nothing is written.</exception>
    public Task<IReadOnlyList<RescheduleChangeSet>> ShiftProgramAsync(string programId, int days, RescheduleOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programId);
        return WriteAsync(
            async ct =>
            {
                await LockProgramAsync(programId, ct).ConfigureAwait(false); // its dates move from what is committed
                var changes = await _context.ShiftProgramAsync(programId, days, options, ct).ConfigureAwait(false);
                return (changes, programId);
            },
            cancellationToken);
    }

    private async Task<(string ProgramId, LocalDate Start, LocalDate End)> ProgramOfBlockAsync(string blockId, CancellationToken cancellationToken)
    {
        var block = await Query<ProgramBlock>().Where(b => b.Id == blockId).Select(b => new { b.ProgramId, b.StartDate, b.EndDate })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(PlanEntity.Block, blockId);
        return (block.ProgramId, block.StartDate, block.EndDate);
    }

    /// <summary>A date moved by a number of days; <see langword="null"/> past the calendar's range (the engine reports that).</summary>
    private static LocalDate? Shifted(LocalDate date, int days)
    {
        try
        {
            return date.PlusDays(days);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// The one overlap rule of every write that places a block: its dates (<paramref name="start"/> to
    /// <paramref name="end"/>) must not overlap another block of the program. Blocks that already overlap
    /// (legacy data) are read as they are; a write never makes a new overlap. One query.
    /// </summary>
    /// <exception cref="BlockOverlapException">The dates overlap another block; names it, with both date ranges.</exception>
    private async Task CheckNoOverlapAsync(string programId, string? blockId, LocalDate start, LocalDate end, string paramName, CancellationToken cancellationToken)
    {
        var overlap = await Query<ProgramBlock>()
            .Where(b => b.ProgramId == programId && b.Id != blockId && b.StartDate <= end && b.EndDate >= start)
            .OrderBy(b => b.StartDate).ThenBy(b => b.Position)
            .Select(b => new { b.Id, b.Name, b.StartDate, b.EndDate })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (overlap is not null)
        {
            var subject = blockId is null ? "The new block" : $"Block '{blockId}'";
            throw new BlockOverlapException(
                $"{subject} at {FormatIso(start)}..{FormatIso(end)} would overlap block '{overlap.Id}' ('{overlap.Name}', {FormatIso(overlap.StartDate)}..{FormatIso(overlap.EndDate)}) of program '{programId}': the blocks of a program never overlap.",
                paramName,
                programId,
                blockId,
                overlap.Id);
        }
    }
}
