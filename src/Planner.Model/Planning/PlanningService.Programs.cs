using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Scheduling;
using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Planning;

public sealed partial class PlanningService
{
    /// <summary>
    /// Adds a block to a program from a pattern: its days and sessions materialised with deterministic
    /// ids (<see cref="ScheduleExpansion.Materialize"/>), placed after the program's other blocks. The
    /// program's dates widen to cover it.
    /// </summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="name">The block's name.</param>
    /// <param name="schedule">The block's dates, pattern and overrides.</param>
    /// <param name="color">A display colour, or <see langword="null"/>.</param>
    /// <param name="goalIds">Goals the block works towards, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new block.</returns>
    /// <exception cref="PlanNotFoundException">There is no such program.</exception>
    /// <exception cref="BlockOverlapException">The block's dates overlap another block of the program.</exception>
    /// <exception cref="UnknownReferenceException">The pattern or an override names a session template that does not exist, or a goal id is unknown; nothing is written.</exception>
    /// <exception cref="SpanTooLongException">The block spans more than ten years.</exception>
    public Task<BlockSummary> AddBlockAsync(string programId, string name, BlockSchedule schedule, string? color = null, IReadOnlyList<string>? goalIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programId);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(schedule);
        var goals = (goalIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        return WriteAsync(
            async ct =>
            {
                await CheckReferencesAsync($"The new block '{name}' of program '{programId}'", schedule.TemplateIds(), goals, ct).ConfigureAwait(false);

                // Two blocks added at once take turns: each sees the other's block (overlap, position) and dates.
                await LockProgramAsync(programId, ct).ConfigureAwait(false);
                var program = await _context.Set<TrainingProgram>().AsTracking().SingleOrDefaultAsync(p => p.Id == programId, ct).ConfigureAwait(false)
                    ?? throw NotFound(PlanEntity.Program, programId);
                await CheckNoOverlapAsync(programId, null, schedule.Start, schedule.End, nameof(schedule), ct).ConfigureAwait(false);
                var blocks = await Query<ProgramBlock>()
                    .Where(b => b.ProgramId == programId)
                    .Select(b => b.Position)
                    .ToListAsync(ct).ConfigureAwait(false);

                var position = blocks.Count == 0 ? 0 : blocks.Max() + 1;
                var blockId = DeterministicIds.ForBlock(programId, DeterministicIds.PositionKey(position));
                var block = new ProgramBlock
                {
                    Id = blockId,
                    ProgramId = programId,
                    Position = position,
                    Name = name,
                    StartDate = schedule.Start,
                    EndDate = schedule.End,
                    Color = color,
                };
                foreach (var day in ScheduleExpansion.Materialize(blockId, schedule))
                {
                    block.Days.Add(day);
                }

                foreach (var goalId in goals)
                {
                    block.GoalLinks.Add(new BlockGoal { BlockId = blockId, GoalId = goalId });
                }

                _context.Add(block);
                program.Cover(schedule.Start, schedule.End);

                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (new BlockSummary(blockId, programId, position, name, schedule.Start, schedule.End, color), programId);
            },
            cancellationToken);
    }

    /// <summary>
    /// Copies the plan of a week (seven dates from <paramref name="sourceStart"/>) onto the seven dates
    /// from <paramref name="targetStart"/>: each target date gets the source date's name and planned
    /// sessions (template, slot, notes); a source date with nothing planned clears the target's plan.
    /// The target's logged work (a completed session, one with completion data or notes: the same rule
    /// as rescheduling's) is never deleted: it stays on its date, before the copied sessions. A target
    /// session not done whose template, slot and notes equal a copied one is that copy (so copying again
    /// changes nothing); the target's other planned, untouched sessions are replaced. Nothing logged is
    /// copied (completion, readiness, day notes), and a target day with a name, notes or readiness of its own
    /// keeps its name. Target dates without a row get one when a block covers them.
    /// </summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="sourceStart">The first date of the week to copy.</param>
    /// <param name="targetStart">The first date of the week to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The target week as it is now.</returns>
    /// <exception cref="ArgumentException">The two weeks overlap.</exception>
    /// <exception cref="PlanNotFoundException">There is no such program.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A source date with sessions or a name maps to a target date no block covers.</exception>
    public Task<CalendarWindow> CopyWeekAsync(string programId, LocalDate sourceStart, LocalDate targetStart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programId);
        if (Math.Abs(Period.DaysBetween(sourceStart, targetStart)) < 7)
        {
            throw new ArgumentException($"The weeks from {FormatIso(sourceStart)} and {FormatIso(targetStart)} overlap.", nameof(targetStart));
        }

        return WriteAsync(
            async ct =>
            {
                await RequireProgramAsync(programId, ct).ConfigureAwait(false);
                var sourceEnd = sourceStart.PlusDays(6);
                var source = await Query<ProgramDay>()
                    .Include(d => d.Sessions)
                    .Where(d => d.Block!.ProgramId == programId && d.Date >= sourceStart && d.Date <= sourceEnd)
                    .OrderBy(d => d.Date).ThenBy(d => d.Block!.Position)
                    .ToListAsync(ct).ConfigureAwait(false);

                var sourceByDate = source.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.First());
                for (var offset = 0; offset < 7; offset++)
                {
                    var sourceDay = sourceByDate.GetValueOrDefault(sourceStart.PlusDays(offset));
                    var date = targetStart.PlusDays(offset);
                    ProgramDay? target;
                    if (sourceDay is null || (sourceDay.Sessions.Count == 0 && sourceDay.Name is null))
                    {
                        // Nothing planned in the source: the target's plan is cleared, but no row is made for it.
                        target = await FindDayAsync(programId, null, date, ct).ConfigureAwait(false);
                        if (target is null)
                        {
                            continue;
                        }
                    }
                    else
                    {
                        target = await FindOrCreateDayAsync(programId, sourceDay.BlockId, date, ct).ConfigureAwait(false);
                    }

                    // A day's name is logged work like its notes and readiness: a day with words of its own keeps them all.
                    if (!LoggedWork.IsLogged(target))
                    {
                        target.Name = sourceDay?.Name;
                    }

                    var existing = target.Sessions.OrderBy(s => s.Position).ToList();
                    var copies = new List<ScheduledSession>();
                    foreach (var planned in sourceDay?.Sessions.OrderBy(s => s.Position) ?? Enumerable.Empty<ScheduledSession>())
                    {
                        // A target session that is exactly this planned one (its notes the plan's) is it, not logged work beside it.
                        var same = existing.FirstOrDefault(s => !LoggedWork.IsDone(s) && LoggedWork.IsPlannedAs(s, planned.SessionTemplateId, planned.Slot, planned.Notes));
                        if (same is not null)
                        {
                            existing.Remove(same);
                            copies.Add(same);
                            continue;
                        }

                        var copy = new ScheduledSession { Id = NewId(), DayId = target.Id, SessionTemplateId = planned.SessionTemplateId, Slot = planned.Slot, Notes = planned.Notes };
                        target.Sessions.Add(copy);
                        copies.Add(copy);
                    }

                    // Logged work stays, before the copied plan; only planned, untouched sessions are replaced.
                    var ordered = existing.Where(LoggedWork.IsLogged).ToList();
                    foreach (var replaced in existing.Where(s => !LoggedWork.IsLogged(s)))
                    {
                        target.Sessions.Remove(replaced);
                        _context.Remove(replaced);
                    }

                    ordered.AddRange(copies);

                    await PlaceSessionsAsync(target, ordered, ct).ConfigureAwait(false);
                }

                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (await CalendarAsync(programId, targetStart, targetStart.PlusDays(6), CalendarGaps.Omit, ct).ConfigureAwait(false), programId);
            },
            cancellationToken);
    }

    /// <summary>
    /// Starts a new program from an existing one used as a template, at a new start date: blocks, days
    /// and planned sessions shifted by the same number of days, goal links kept; nothing logged is copied
    /// (completion, readiness, day notes). Ids derive from the new program's id (<see cref="DeterministicIds"/>),
    /// so the same call gives the same rows.
    /// </summary>
    /// <param name="templateProgramId">The id of the program to copy.</param>
    /// <param name="newProgramId">The new program's id.</param>
    /// <param name="name">The new program's name.</param>
    /// <param name="startDate">The new program's first date; the template's first date lands on it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new program.</returns>
    /// <exception cref="PlanNotFoundException">There is no template program.</exception>
    /// <exception cref="InvalidOperationException">A program with the new id exists, the template has neither a start date nor blocks, or the template's blocks overlap (legacy data).</exception>
    public Task<ProgramSummary> StartProgramFromAsync(string templateProgramId, string newProgramId, string name, LocalDate startDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(templateProgramId);
        ArgumentNullException.ThrowIfNull(newProgramId);
        ArgumentNullException.ThrowIfNull(name);
        return WriteAsync(
            async ct =>
            {
                if (await Query<TrainingProgram>().AnyAsync(p => p.Id == newProgramId, ct).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"A program '{newProgramId}' exists already.");
                }

                var template = await Query<TrainingProgram>()
                    .WithPlan(goals: true)
                    .SingleOrDefaultAsync(p => p.Id == templateProgramId, ct).ConfigureAwait(false)
                    ?? throw NotFound(PlanEntity.Program, templateProgramId);
                var ordered = template.Blocks.OrderBy(b => b.StartDate).ThenBy(b => b.Position).ToList();
                for (var i = 1; i < ordered.Count; i++)
                {
                    if (ordered.Take(i).FirstOrDefault(b => b.EndDate >= ordered[i].StartDate) is { } earlier)
                    {
                        throw new InvalidOperationException(
                            $"Program '{templateProgramId}' has overlapping blocks '{earlier.Id}' ({FormatIso(earlier.StartDate)}..{FormatIso(earlier.EndDate)}) and '{ordered[i].Id}' ({FormatIso(ordered[i].StartDate)}..{FormatIso(ordered[i].EndDate)}): a program started from it would too, and a write never makes an overlap.");
                    }
                }


                var templateStart = template.StartDate
                    ?? (template.Blocks.Count > 0 ? template.Blocks.Min(b => b.StartDate) : (LocalDate?)null)
                    ?? throw new InvalidOperationException($"Program '{templateProgramId}' has neither a start date nor blocks to start from.");
                var shift = Period.DaysBetween(templateStart, startDate);

                var program = new TrainingProgram
                {
                    Id = newProgramId,
                    Name = name,
                    StartDate = startDate,
                    EndDate = template.EndDate?.PlusDays(shift),
                };
                foreach (var link in template.GoalLinks)
                {
                    program.GoalLinks.Add(new ProgramGoal { ProgramId = newProgramId, GoalId = link.GoalId });
                }

                // The legacy goal_ids column, like weekly_schedule, only while dual writes are on, and from the
                // links just copied (the template's own column may be stale): old readers see the same goals.
                program.LegacyGoalIds = _options.LegacyScheduleWriter is null ? null : LegacyColumns.GoalIds(program.GoalLinks.Select(l => l.GoalId));

                var index = 0;
                foreach (var block in template.Blocks.OrderBy(b => b.Position).ThenBy(b => b.StartDate))
                {
                    // The block's place in order, not its legacy id: legacy ids may repeat within a program.
                    var blockId = DeterministicIds.ForBlock(newProgramId, DeterministicIds.PositionKey(index++));
                    var copy = new ProgramBlock
                    {
                        Id = blockId,
                        ProgramId = newProgramId,
                        LegacyId = block.LegacyId,
                        Position = block.Position,
                        Name = block.Name,
                        StartDate = block.StartDate.PlusDays(shift),
                        EndDate = block.EndDate.PlusDays(shift),
                        Color = block.Color,
                    };
                    foreach (var link in block.GoalLinks)
                    {
                        copy.GoalLinks.Add(new BlockGoal { BlockId = blockId, GoalId = link.GoalId });
                    }

                    foreach (var day in block.Days.OrderBy(d => d.Date))
                    {
                        copy.Days.Add(CopyDay(blockId, day, day.Date.PlusDays(shift)));
                    }

                    program.Blocks.Add(copy);
                }

                _context.Add(program);
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (new ProgramSummary(newProgramId, name, program.StartDate, program.EndDate), newProgramId);
            },
            cancellationToken);
    }

    /// <summary>A day's plan on a new date in a new block: deterministic ids, nothing logged.</summary>
    private static ProgramDay CopyDay(string blockId, ProgramDay day, LocalDate date)
    {
        var dayId = DeterministicIds.ForDay(blockId, date);
        var copy = new ProgramDay { Id = dayId, BlockId = blockId, Date = date, Name = day.Name };
        var position = 0;
        foreach (var session in day.Sessions.OrderBy(s => s.Position))
        {
            copy.Sessions.Add(new ScheduledSession
            {
                Id = DeterministicIds.ForSession(dayId, position),
                DayId = dayId,
                SessionTemplateId = session.SessionTemplateId,
                Position = position++,
                Slot = session.Slot,
                Notes = session.Notes,
                ConcurrencyStamp = ConcurrencyStamps.Initial,
            });
        }

        copy.ConcurrencyStamp = ConcurrencyStamps.Initial;
        return copy;
    }

    /// <summary>
    /// Refuses a write that names templates or goals that do not exist, before anything is written (the
    /// database would refuse it later, with a foreign-key error that names neither). One query.
    /// </summary>
    private async Task CheckReferencesAsync(string subject, IReadOnlyList<string> templateIds, List<string> goalIds, CancellationToken cancellationToken)
    {
        if (templateIds.Count == 0 && goalIds.Count == 0)
        {
            return;
        }

        var found = await Query<SessionTemplate>().Where(t => templateIds.Contains(t.Id)).Select(t => new { IsGoal = false, t.Id })
            .Concat(Query<Goal>().Where(g => goalIds.Contains(g.Id)).Select(g => new { IsGoal = true, g.Id }))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var unknownTemplates = templateIds.Except(found.Where(f => !f.IsGoal).Select(f => f.Id), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unknownGoals = goalIds.Except(found.Where(f => f.IsGoal).Select(f => f.Id), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknownTemplates.Count > 0 || unknownGoals.Count > 0)
        {
            throw new UnknownReferenceException(subject, unknownTemplates, unknownGoals);
        }
    }
}
