using Microsoft.EntityFrameworkCore;
using Planner.Model.Scheduling;

namespace Planner.Model.Planning;

public sealed partial class PlanningService
{
    /// <summary>Creates a program without blocks (add them with <see cref="AddBlockAsync"/>); its dates come with its blocks.</summary>
    /// <param name="name">The program's name.</param>
    /// <param name="goalIds">Goals the program works towards, or <see langword="null"/>.</param>
    /// <param name="programId">The new program's id; <see langword="null"/> for a new UUID (version 7).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new program.</returns>
    /// <exception cref="InvalidOperationException">A program with that id exists.</exception>
    /// <exception cref="UnknownReferenceException">A goal id is unknown; nothing is written.</exception>
    public Task<ProgramSummary> CreateProgramAsync(string name, IReadOnlyList<string>? goalIds = null, string? programId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var id = programId ?? NewId();
        var goals = Distinct(goalIds);
        return WriteAsync<ProgramSummary>(
            async ct =>
            {
                if (await Query<TrainingProgram>().AnyAsync(p => p.Id == id, ct).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"A program '{id}' exists already.");
                }

                await CheckReferencesAsync($"The new program '{id}'", [], goals, ct).ConfigureAwait(false);
                var program = new TrainingProgram { Id = id, Name = name };
                foreach (var goalId in goals)
                {
                    program.GoalLinks.Add(new ProgramGoal { ProgramId = id, GoalId = goalId });
                }

                program.LegacyGoalIds = _options.LegacyScheduleWriter is null ? null : LegacyColumns.GoalIds(goals);
                _context.Add(program);
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (new ProgramSummary(id, name, null, null), id);
            },
            cancellationToken);
    }

    /// <summary>Creates a session template (a reusable workout sessions are planned from).</summary>
    /// <param name="name">The template's name, such as "Easy run 45'".</param>
    /// <param name="templateId">The new template's id; <see langword="null"/> for a new UUID (version 7).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new template.</returns>
    /// <exception cref="InvalidOperationException">A template with that id exists.</exception>
    public Task<SessionTemplateSummary> CreateSessionTemplateAsync(string name, string? templateId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var id = templateId ?? NewId();
        return WriteAsync<SessionTemplateSummary>(
            async ct =>
            {
                if (await Query<SessionTemplate>().AnyAsync(t => t.Id == id, ct).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"A session template '{id}' exists already.");
                }

                _context.Add(new SessionTemplate { Id = id, Name = name });
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (new SessionTemplateSummary(id, name), null);
            },
            cancellationToken);
    }

    /// <summary>Creates a goal (something an athlete trains for).</summary>
    /// <param name="name">The goal's name, such as "Sub-3:30 marathon".</param>
    /// <param name="goalId">The new goal's id; <see langword="null"/> for a new UUID (version 7).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new goal.</returns>
    /// <exception cref="InvalidOperationException">A goal with that id exists.</exception>
    public Task<GoalSummary> CreateGoalAsync(string name, string? goalId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var id = goalId ?? NewId();
        return WriteAsync<GoalSummary>(
            async ct =>
            {
                if (await Query<Goal>().AnyAsync(g => g.Id == id, ct).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"A goal '{id}' exists already.");
                }

                _context.Add(new Goal { Id = id, Name = name });
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (new GoalSummary(id, name), null);
            },
            cancellationToken);
    }

    /// <summary>Links a goal to a program; linking it again changes nothing.</summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="goalId">The goal's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The program's goal ids now, in ordinal order.</returns>
    /// <exception cref="PlanNotFoundException">There is no such program or goal.</exception>
    public Task<IReadOnlyList<string>> LinkProgramGoalAsync(string programId, string goalId, CancellationToken cancellationToken = default) =>
        ChangeProgramGoalAsync(programId, goalId, link: true, cancellationToken);

    /// <summary>Unlinks a goal from a program; unlinking a goal not linked changes nothing.</summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="goalId">The goal's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The program's goal ids now, in ordinal order.</returns>
    /// <exception cref="PlanNotFoundException">There is no such program or goal.</exception>
    public Task<IReadOnlyList<string>> UnlinkProgramGoalAsync(string programId, string goalId, CancellationToken cancellationToken = default) =>
        ChangeProgramGoalAsync(programId, goalId, link: false, cancellationToken);

    /// <summary>Links a goal to a block; linking it again changes nothing.</summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="goalId">The goal's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The block's goal ids now, in ordinal order.</returns>
    /// <exception cref="PlanNotFoundException">There is no such block or goal.</exception>
    public Task<IReadOnlyList<string>> LinkBlockGoalAsync(string blockId, string goalId, CancellationToken cancellationToken = default) =>
        ChangeBlockGoalAsync(blockId, goalId, link: true, cancellationToken);

    /// <summary>Unlinks a goal from a block; unlinking a goal not linked changes nothing.</summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="goalId">The goal's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The block's goal ids now, in ordinal order.</returns>
    /// <exception cref="PlanNotFoundException">There is no such block or goal.</exception>
    public Task<IReadOnlyList<string>> UnlinkBlockGoalAsync(string blockId, string goalId, CancellationToken cancellationToken = default) =>
        ChangeBlockGoalAsync(blockId, goalId, link: false, cancellationToken);

    /// <summary>
    /// Edits a block's name, colour and goals: the fields the edit sets are written, unset ones stay as they
    /// are. Its dates and plan change with <see cref="RescheduleBlockAsync"/> and the shifts.
    /// </summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="edit">The fields to write; <see cref="BlockEdit.GoalIds"/>, when set, is the block's whole list of goals.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The block as it is now.</returns>
    /// <exception cref="ArgumentException">The name is set to null or blank.</exception>
    /// <exception cref="PlanNotFoundException">There is no such block.</exception>
    /// <exception cref="UnknownReferenceException">A goal id is unknown; nothing is written.</exception>
    public Task<BlockSummary> UpdateBlockAsync(string blockId, BlockEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        ArgumentNullException.ThrowIfNull(edit);
        if (edit.Name.IsSet && string.IsNullOrWhiteSpace(edit.Name.Value))
        {
            throw new ArgumentException($"The name of block '{blockId}' cannot be null or blank.", nameof(edit));
        }

        var goals = edit.GoalIds.IsSet ? Distinct(edit.GoalIds.Value ?? throw new ArgumentException($"The goals of block '{blockId}' cannot be null: set an empty list for none.", nameof(edit))) : null;
        return WriteAsync(
            async ct =>
            {
                var block = await _context.Set<ProgramBlock>().AsTracking().Include(b => b.GoalLinks)
                    .SingleOrDefaultAsync(b => b.Id == blockId, ct).ConfigureAwait(false)
                    ?? throw NotFound(PlanEntity.Block, blockId);
                block.Name = edit.Name.Or(block.Name);
                block.Color = edit.Color.Or(block.Color);
                if (goals is not null)
                {
                    await CheckReferencesAsync($"The goals of block '{blockId}'", [], goals, ct).ConfigureAwait(false);
                    foreach (var link in block.GoalLinks.Where(l => !goals.Contains(l.GoalId, StringComparer.Ordinal)).ToList())
                    {
                        block.GoalLinks.Remove(link);
                        _context.Remove(link);
                    }

                    foreach (var goalId in goals.Where(g => !block.GoalLinks.Any(l => l.GoalId == g)))
                    {
                        block.GoalLinks.Add(new BlockGoal { BlockId = blockId, GoalId = goalId });
                    }
                }

                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (new BlockSummary(block.Id, block.ProgramId, block.Position, block.Name, block.StartDate, block.EndDate, block.Color), block.ProgramId);
            },
            cancellationToken);
    }

    /// <summary>
    /// Deletes a block with its days, sessions and goal links. A block that holds logged work (a completed
    /// session, a session with completion data or notes, a day with a name, notes or readiness: the rule
    /// of <see cref="CopyWeekAsync"/> and rescheduling) is refused unless <paramref name="loggedWork"/> says to
    /// delete it too. The program's dates stay as they are (they never narrow).
    /// </summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="loggedWork">Whether logged work stops the deletion (<see cref="LoggedWorkPolicy.Refuse"/>) or goes with it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the block is deleted.</returns>
    /// <exception cref="PlanNotFoundException">There is no such block.</exception>
    /// <exception cref="LoggedWorkException">The block holds logged work and <paramref name="loggedWork"/> is <see cref="LoggedWorkPolicy.Refuse"/>; nothing is written.</exception>
    /// <exception cref="PlanConcurrencyException">A day or session of the block changed meanwhile; nothing is written.</exception>
    public Task DeleteBlockAsync(string blockId, LoggedWorkPolicy loggedWork, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        CheckPolicy(loggedWork);
        return WriteAsync(
            async ct =>
            {
                var (programId, _, _) = await ProgramOfBlockAsync(blockId, ct).ConfigureAwait(false);
                await LockProgramAsync(programId, ct).ConfigureAwait(false);
                var block = await _context.Set<ProgramBlock>().AsTracking().WithPlan().Include(b => b.GoalLinks)
                    .SingleOrDefaultAsync(b => b.Id == blockId, ct).ConfigureAwait(false)
                    ?? throw NotFound(PlanEntity.Block, blockId);
                RefuseLoggedWork(PlanEntity.Block, blockId, [block], loggedWork);
                RemoveBlock(block);
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (true, programId);
            },
            cancellationToken);
    }

    /// <summary>
    /// Deletes a program with its blocks, days, sessions and goal links (its legacy columns go with its row).
    /// A program that holds logged work is refused unless <paramref name="loggedWork"/> says to delete it too,
    /// as <see cref="DeleteBlockAsync"/>.
    /// </summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="loggedWork">Whether logged work stops the deletion (<see cref="LoggedWorkPolicy.Refuse"/>) or goes with it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the program is deleted.</returns>
    /// <exception cref="PlanNotFoundException">There is no such program.</exception>
    /// <exception cref="LoggedWorkException">The program holds logged work and <paramref name="loggedWork"/> is <see cref="LoggedWorkPolicy.Refuse"/>; nothing is written.</exception>
    /// <exception cref="PlanConcurrencyException">A day or session of the program changed meanwhile; nothing is written.</exception>
    public Task DeleteProgramAsync(string programId, LoggedWorkPolicy loggedWork, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programId);
        CheckPolicy(loggedWork);
        return WriteAsync<bool>(
            async ct =>
            {
                await LockProgramAsync(programId, ct).ConfigureAwait(false);
                var program = await _context.Set<TrainingProgram>().AsTracking().WithPlan(goals: true)
                    .SingleOrDefaultAsync(p => p.Id == programId, ct).ConfigureAwait(false)
                    ?? throw NotFound(PlanEntity.Program, programId);
                RefuseLoggedWork(PlanEntity.Program, programId, program.Blocks, loggedWork);
                foreach (var block in program.Blocks.ToList())
                {
                    RemoveBlock(block);
                }

                _context.RemoveRange(program.GoalLinks);
                _context.Remove(program);
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (true, null); // no program left to dual-write
            },
            cancellationToken);
    }

    private void RemoveBlock(ProgramBlock block)
    {
        foreach (var day in block.Days)
        {
            _context.RemoveRange(day.Sessions);
        }

        _context.RemoveRange(block.Days);
        _context.RemoveRange(block.GoalLinks);
        _context.Remove(block);
    }

    private static void CheckPolicy(LoggedWorkPolicy loggedWork)
    {
        if (loggedWork is not (LoggedWorkPolicy.Refuse or LoggedWorkPolicy.Delete))
        {
            throw new ArgumentOutOfRangeException(nameof(loggedWork), loggedWork, "Unknown logged-work policy: Refuse or Delete.");
        }
    }

    private static void RefuseLoggedWork(PlanEntity entity, string id, IEnumerable<ProgramBlock> blocks, LoggedWorkPolicy loggedWork)
    {
        if (loggedWork == LoggedWorkPolicy.Delete)
        {
            return;
        }

        var days = blocks.SelectMany(b => b.Days).ToList();
        var sessions = days.SelectMany(d => d.Sessions.Where(LoggedWork.IsLogged).Select(_ => d.Date)).ToList();
        var notedDays = days.Where(LoggedWork.IsLogged).Select(d => d.Date).ToList();
        if (sessions.Count > 0 || notedDays.Count > 0)
        {
            throw new LoggedWorkException(entity, id, sessions.Count, notedDays.Count, sessions.Concat(notedDays).Min());
        }
    }

    private async Task<IReadOnlyList<string>> ChangeProgramGoalAsync(string programId, string goalId, bool link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programId);
        ArgumentNullException.ThrowIfNull(goalId);
        return await WriteAsync<IReadOnlyList<string>>(
            async ct =>
            {
                var program = await _context.Set<TrainingProgram>().AsTracking().Include(p => p.GoalLinks)
                    .SingleOrDefaultAsync(p => p.Id == programId, ct).ConfigureAwait(false)
                    ?? throw NotFound(PlanEntity.Program, programId);
                await RequireGoalAsync(goalId, ct).ConfigureAwait(false);
                var existing = program.GoalLinks.FirstOrDefault(l => l.GoalId == goalId);
                if (link && existing is null)
                {
                    program.GoalLinks.Add(new ProgramGoal { ProgramId = programId, GoalId = goalId });
                }
                else if (!link && existing is not null)
                {
                    program.GoalLinks.Remove(existing);
                    _context.Remove(existing);
                }

                var goals = program.GoalLinks.Select(l => l.GoalId).Order(StringComparer.Ordinal).ToList();
                if (_options.LegacyScheduleWriter is not null)
                {
                    // Old readers of goal_ids see the links, as a program started from another gets them.
                    program.LegacyGoalIds = LegacyColumns.GoalIds(goals);
                }

                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (goals, programId);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> ChangeBlockGoalAsync(string blockId, string goalId, bool link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blockId);
        ArgumentNullException.ThrowIfNull(goalId);
        return await WriteAsync<IReadOnlyList<string>>(
            async ct =>
            {
                var block = await _context.Set<ProgramBlock>().AsTracking().Include(b => b.GoalLinks)
                    .SingleOrDefaultAsync(b => b.Id == blockId, ct).ConfigureAwait(false)
                    ?? throw NotFound(PlanEntity.Block, blockId);
                await RequireGoalAsync(goalId, ct).ConfigureAwait(false);
                var existing = block.GoalLinks.FirstOrDefault(l => l.GoalId == goalId);
                if (link && existing is null)
                {
                    block.GoalLinks.Add(new BlockGoal { BlockId = blockId, GoalId = goalId });
                }
                else if (!link && existing is not null)
                {
                    block.GoalLinks.Remove(existing);
                    _context.Remove(existing);
                }

                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (block.GoalLinks.Select(l => l.GoalId).Order(StringComparer.Ordinal).ToList(), block.ProgramId);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static List<string> Distinct(IReadOnlyList<string>? ids) => (ids ?? []).Distinct(StringComparer.Ordinal).ToList();
}
