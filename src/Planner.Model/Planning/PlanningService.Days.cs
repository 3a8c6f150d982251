using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Scheduling;
using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Planning;

public sealed partial class PlanningService
{
    // Positions are moved this far up before a day's sessions are renumbered (see PlaceSessionsAsync):
    // the same parking range as the rescheduling engine's, one constant for both.
    private const int PositionOffset = RescheduleApplication.TemporaryPositionBase;

    /// <summary>
    /// Edits a day's name, notes and readiness: the fields the edit sets are written, unset ones stay as
    /// they are (no read needed for a partial edit). Touches that day's row only.
    /// </summary>
    /// <param name="dayId">The day's id.</param>
    /// <param name="edit">The fields to write.</param>
    /// <param name="expected">The day's stamp as the caller last saw it (<see cref="CalendarDay.ConcurrencyStamp"/>), or <see cref="Expect.Any"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The day as it is now, with its new stamp.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The readiness is set, and not 1 to 10 or null.</exception>
    /// <exception cref="PlanNotFoundException">There is no such day.</exception>
    /// <exception cref="PlanConcurrencyException">The day changed since the expected stamp, or was removed.</exception>
    public Task<CalendarDay> UpdateDayAsync(string dayId, DayEdit edit, Expect expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dayId);
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(expected);
        if (edit.Readiness.IsSet)
        {
            ValidateReadiness(edit.Readiness.Value, nameof(edit), $"day '{dayId}'");
        }

        return WriteAsync(
            async ct =>
            {
                var (day, programId) = await LoadDayAsync(dayId, expected, withSessions: false, ct).ConfigureAwait(false);
                day.Name = edit.Name.Or(day.Name);
                day.Notes = edit.Notes.Or(day.Notes);
                day.Readiness = edit.Readiness.Or(day.Readiness);
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (await CurrentDayAsync(dayId, ct).ConfigureAwait(false) ?? throw NotFound(PlanEntity.Day, dayId), programId);
            },
            cancellationToken);
    }

    /// <summary>Adds a session to a day (a second one makes an AM/PM day).</summary>
    /// <param name="dayId">The day's id.</param>
    /// <param name="templateId">The id of the session's template.</param>
    /// <param name="expected">The day's stamp as the caller last saw it, or <see cref="Expect.Any"/>.</param>
    /// <param name="slot">A slot label (<c>am</c>, <c>pm</c>), or <see langword="null"/>.</param>
    /// <param name="notes">Notes, or <see langword="null"/>.</param>
    /// <param name="position">Where to insert it (0 for first); <see langword="null"/> to append.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The day as it is now, with the new session.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is outside 0 to the number of sessions.</exception>
    /// <exception cref="PlanNotFoundException">There is no such day or template.</exception>
    /// <exception cref="PlanConcurrencyException">The day changed since the expected stamp, or was removed.</exception>
    public Task<CalendarDay> AddSessionAsync(string dayId, string templateId, Expect expected, string? slot = null, string? notes = null, int? position = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dayId);
        ArgumentNullException.ThrowIfNull(templateId);
        ArgumentNullException.ThrowIfNull(expected);
        return WriteAsync(
            async ct =>
            {
                var (day, programId) = await LoadDayAsync(dayId, expected, withSessions: true, ct).ConfigureAwait(false);
                await RequireTemplateAsync(templateId, ct).ConfigureAwait(false);
                var ordered = day.Sessions.OrderBy(s => s.Position).ToList();
                var at = position ?? ordered.Count;
                if (at < 0 || at > ordered.Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(position), at, $"Day '{dayId}' has {ordered.Count} sessions: a new one goes at 0 to {ordered.Count}.");
                }

                var session = new ScheduledSession { Id = NewId(), DayId = dayId, SessionTemplateId = templateId, Slot = slot, Notes = notes };
                ordered.Insert(at, session);
                day.Sessions.Add(session);
                await PlaceSessionsAsync(day, ordered, ct).ConfigureAwait(false);
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (await CurrentDayAsync(dayId, ct).ConfigureAwait(false) ?? throw NotFound(PlanEntity.Day, dayId), programId);
            },
            cancellationToken);
    }

    /// <summary>Removes a session from its day; the day's other sessions close the gap.</summary>
    /// <remarks>
    /// The check is the session's own stamp: completing a session renews the session's stamp, and a list
    /// edit of its day renumbers (and so re-stamps) it, so a caller whose stamp is current has seen both
    /// the logged work and the day's list. <see cref="Expect.Any"/> removes the session whatever it holds,
    /// logged work included: the caller said so in so many words.
    /// </remarks>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="expected">The session's stamp as the caller last saw it (<see cref="CalendarSession.ConcurrencyStamp"/>), or <see cref="Expect.Any"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The day as it is now.</returns>
    /// <exception cref="PlanNotFoundException">There is no such session.</exception>
    /// <exception cref="PlanConcurrencyException">The session changed since the expected stamp, or was removed.</exception>
    public Task<CalendarDay> RemoveSessionAsync(string sessionId, Expect expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(expected);
        return WriteAsync(
            async ct =>
            {
                var session = await LoadSessionAsync(sessionId, expected, ct).ConfigureAwait(false);
                var dayId = session.DayId;
                var (day, programId) = await LoadDayAsync(dayId, Expect.Any, withSessions: true, ct).ConfigureAwait(false);
                var ordered = day.Sessions.Where(s => s != session).OrderBy(s => s.Position).ToList();
                await PlaceSessionsAsync(day, ordered, ct).ConfigureAwait(false);
                _context.Remove(session);
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (await CurrentDayAsync(dayId, ct).ConfigureAwait(false) ?? throw NotFound(PlanEntity.Day, dayId), programId);
            },
            cancellationToken);
    }

    /// <summary>Puts a day's sessions in a new order (AM/PM swaps).</summary>
    /// <param name="dayId">The day's id.</param>
    /// <param name="sessionIds">Every session id of the day, each once, in the new order.</param>
    /// <param name="expected">The day's stamp as the caller last saw it, or <see cref="Expect.Any"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The day as it is now.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionIds"/> is not exactly the day's sessions.</exception>
    /// <exception cref="PlanNotFoundException">There is no such day.</exception>
    /// <exception cref="PlanConcurrencyException">The day changed since the expected stamp, or was removed.</exception>
    public Task<CalendarDay> ReorderSessionsAsync(string dayId, IReadOnlyList<string> sessionIds, Expect expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dayId);
        ArgumentNullException.ThrowIfNull(sessionIds);
        ArgumentNullException.ThrowIfNull(expected);
        return WriteAsync(
            async ct =>
            {
                var (day, programId) = await LoadDayAsync(dayId, expected, withSessions: true, ct).ConfigureAwait(false);
                var byId = day.Sessions.ToDictionary(s => s.Id, StringComparer.Ordinal);
                if (sessionIds.Count != byId.Count || sessionIds.Distinct(StringComparer.Ordinal).Count() != byId.Count || !sessionIds.All(byId.ContainsKey))
                {
                    throw new ArgumentException(
                        $"Day '{dayId}' has sessions [{string.Join(", ", day.Sessions.OrderBy(s => s.Position).Select(s => s.Id))}]; the new order must list each of them once, got [{string.Join(", ", sessionIds)}].",
                        nameof(sessionIds));
                }

                await PlaceSessionsAsync(day, sessionIds.Select(id => byId[id]).ToList(), ct).ConfigureAwait(false);
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (await CurrentDayAsync(dayId, ct).ConfigureAwait(false) ?? throw NotFound(PlanEntity.Day, dayId), programId);
            },
            cancellationToken);
    }

    /// <summary>
    /// Moves a session to another date of its program, after that date's sessions; the session keeps its
    /// id. Creates the date's day when a block of the program covers the date and has no row for it (its
    /// own block first).
    /// </summary>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="date">The new date.</param>
    /// <param name="expected">The session's stamp as the caller last saw it, or <see cref="Expect.Any"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The day the session is on now.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No block of the program covers <paramref name="date"/>.</exception>
    /// <exception cref="PlanNotFoundException">There is no such session.</exception>
    /// <exception cref="PlanConcurrencyException">The session changed since the expected stamp, or was removed.</exception>
    public Task<CalendarDay> MoveSessionAsync(string sessionId, LocalDate date, Expect expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(expected);
        return WriteAsync(
            async ct =>
            {
                var session = await LoadSessionAsync(sessionId, expected, ct).ConfigureAwait(false);
                var (source, programId) = await LoadDayAsync(session.DayId, Expect.Any, withSessions: true, ct).ConfigureAwait(false);
                if (source.Date == date)
                {
                    return (await CurrentDayAsync(source.Id, ct).ConfigureAwait(false) ?? throw NotFound(PlanEntity.Day, source.Id), programId);
                }

                var target = await FindOrCreateDayAsync(programId, source.BlockId, date, ct).ConfigureAwait(false);
                var sourceOrder = source.Sessions.Where(s => s != session).OrderBy(s => s.Position).ToList();
                var targetOrder = target.Sessions.OrderBy(s => s.Position).ToList();

                // Both days' rows out of the way first, then the session changes day.
                await PlaceSessionsAsync(source, sourceOrder, ct).ConfigureAwait(false);
                targetOrder.Add(session);
                source.Sessions.Remove(session);
                target.Sessions.Add(session);
                session.DayId = target.Id;
                await PlaceSessionsAsync(target, targetOrder, ct).ConfigureAwait(false);
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                return (await CurrentDayAsync(target.Id, ct).ConfigureAwait(false) ?? throw NotFound(PlanEntity.Day, target.Id), programId);
            },
            cancellationToken);
    }

    /// <summary>Marks a session completed with what the athlete logged; fields beyond RPE, duration and distance are kept as given.</summary>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="completion">What the athlete logged.</param>
    /// <param name="expected">The session's stamp as the caller last saw it, or <see cref="Expect.Any"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The session as it is now.</returns>
    /// <exception cref="ArgumentOutOfRangeException">RPE is not 1 to 10, or duration or distance is negative.</exception>
    /// <exception cref="PlanNotFoundException">There is no such session.</exception>
    /// <exception cref="PlanConcurrencyException">The session changed since the expected stamp, or was removed.</exception>
    public Task<CalendarSession> CompleteSessionAsync(string sessionId, SessionCompletion completion, Expect expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(expected);
        if (completion.Rpe is { } rpe && (rpe < 1 || rpe > 10))
        {
            throw new ArgumentOutOfRangeException(nameof(completion), rpe.ToString(CultureInfo.InvariantCulture), $"RPE of session '{sessionId}' must be 1 to 10.");
        }

        if (completion.DurationMinutes < 0 || completion.DistanceKm < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(completion), $"Duration and distance of session '{sessionId}' cannot be negative.");
        }

        return WriteAsync(
            async ct =>
            {
                var session = await LoadSessionAsync(sessionId, expected, ct).ConfigureAwait(false);
                session.IsCompleted = true;
                session.SetCompletion(completion);
                await _context.SaveChangesAsync(ct).ConfigureAwait(false);
                var programId = await ProgramOfDayAsync(session.DayId, ct).ConfigureAwait(false);
                return (await CurrentSessionAsync(sessionId, ct).ConfigureAwait(false) ?? throw NotFound(PlanEntity.Session, sessionId), programId);
            },
            cancellationToken);
    }

    private static void ValidateReadiness(int? readiness, string paramName, string of)
    {
        if (readiness is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(paramName, readiness, $"The readiness of {of} must be 1 to 10, or null for none.");
        }
    }

    private static string NewId() => Guid.CreateVersion7().ToString("D");


    private async Task<string> ProgramOfDayAsync(string dayId, CancellationToken cancellationToken) =>
        await (
            from d in Query<ProgramDay>()
            where d.Id == dayId
            join b in Query<ProgramBlock>() on d.BlockId equals b.Id
            select b.ProgramId)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? throw NotFound(PlanEntity.Day, dayId);

    private async Task RequireTemplateAsync(string templateId, CancellationToken cancellationToken)
    {
        if (!await Query<SessionTemplate>().AnyAsync(t => t.Id == templateId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound(PlanEntity.SessionTemplate, templateId);
        }
    }

    /// <summary>Loads a day for an edit (tracked), checking the caller's stamp.</summary>
    private async Task<(ProgramDay Day, string ProgramId)> LoadDayAsync(string dayId, Expect expected, bool withSessions, CancellationToken cancellationToken)
    {
        IQueryable<ProgramDay> days = _context.Set<ProgramDay>().AsTracking().Include(d => d.Block);
        if (withSessions)
        {
            days = days.Include(d => d.Sessions);
        }

        var day = await days.SingleOrDefaultAsync(d => d.Id == dayId, cancellationToken).ConfigureAwait(false);
        if (day is null)
        {
            throw expected.IsAny ? NotFound(PlanEntity.Day, dayId) : new PlanConcurrencyException(dayId, expected.ExpectedStamp, (CalendarDay?)null);
        }

        if (!expected.IsAny && !string.Equals(day.ConcurrencyStamp, expected.ExpectedStamp, StringComparison.Ordinal))
        {
            throw new PlanConcurrencyException(dayId, expected.ExpectedStamp, await CurrentDayAsync(dayId, cancellationToken).ConfigureAwait(false));
        }

        return (day, day.Block!.ProgramId);
    }

    /// <summary>Loads a session for an edit (tracked), checking the caller's stamp.</summary>
    private async Task<ScheduledSession> LoadSessionAsync(string sessionId, Expect expected, CancellationToken cancellationToken)
    {
        var session = await _context.Set<ScheduledSession>().AsTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            throw expected.IsAny ? NotFound(PlanEntity.Session, sessionId) : new PlanConcurrencyException(sessionId, expected.ExpectedStamp, (CalendarSession?)null);
        }

        if (!expected.IsAny && !string.Equals(session.ConcurrencyStamp, expected.ExpectedStamp, StringComparison.Ordinal))
        {
            throw new PlanConcurrencyException(sessionId, expected.ExpectedStamp, await CurrentSessionAsync(sessionId, cancellationToken).ConfigureAwait(false));
        }

        return session;
    }

    /// <summary>The program's day on a date (tracked, with sessions), its preferred block's first, or null.</summary>
    private Task<ProgramDay?> FindDayAsync(string programId, string? preferredBlockId, LocalDate date, CancellationToken cancellationToken) =>
        // Navigations rather than a join: EF Core keeps an Include only on a query that returns its root.
        _context.Set<ProgramDay>().AsTracking()
            .Include(d => d.Sessions)
            .Where(d => d.Block!.ProgramId == programId && d.Date == date)
            .OrderBy(d => d.BlockId == preferredBlockId ? 0 : 1).ThenBy(d => d.Block!.Position)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The program's day on a date (tracked, with sessions), created in a covering block when it has no row.</summary>
    private async Task<ProgramDay> FindOrCreateDayAsync(string programId, string preferredBlockId, LocalDate date, CancellationToken cancellationToken)
    {
        var existing = await FindDayAsync(programId, preferredBlockId, date, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var blockId = await Query<ProgramBlock>()
            .Where(b => b.ProgramId == programId && b.StartDate <= date && b.EndDate >= date)
            .OrderBy(b => b.Id == preferredBlockId ? 0 : 1).ThenBy(b => b.Position)
            .Select(b => b.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentOutOfRangeException(nameof(date), FormatIso(date), $"Program '{programId}' has no block covering {FormatIso(date)}.");

        var day = new ProgramDay { Id = NewId(), BlockId = blockId, Date = date };
        _context.Add(day);
        return day;
    }

    /// <summary>
    /// Gives a day's sessions the positions 0, 1, ... in the given order and renews the day's stamp (its
    /// list changed). The unique (day_id, position) index is checked row by row as each is written (SQLite and
    /// PostgreSQL alike), so renumbering in place would collide halfway; the day's rows are first moved to a
    /// high offset (positions must stay &gt;= 0) within the transaction, then written at their final places.
    /// A provider that is not relational (EF Core InMemory) has neither the index nor <c>ExecuteUpdate</c>:
    /// there the final places are written directly.
    /// </summary>
    private async Task PlaceSessionsAsync(ProgramDay day, List<ScheduledSession> ordered, CancellationToken cancellationToken)
    {
        if (_context.Entry(day).State != EntityState.Added)
        {
            day.ConcurrencyStamp = ConcurrencyStamps.New();
            if (_context.Database.IsRelational())
            {
                await ParkSessionsAsync(day, cancellationToken).ConfigureAwait(false);
            }
        }

        for (var index = 0; index < ordered.Count; index++)
        {
            var session = ordered[index];
            session.Position = index;
            var position = _context.Entry(session).Property(s => s.Position);
            if (position.EntityEntry.State is EntityState.Unchanged or EntityState.Modified)
            {
                // Written even when the value is back where it was: in a relational database the row sits at the offset now.
                position.IsModified = true;
            }
        }
    }

    /// <summary>Moves a stored day's session rows up by <see cref="PositionOffset"/>, and tells the change tracker they are there now.</summary>
    private async Task ParkSessionsAsync(ProgramDay day, CancellationToken cancellationToken)
    {
        await _context.Set<ScheduledSession>()
            .Where(s => s.DayId == day.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Position, s => s.Position + PositionOffset), cancellationToken)
            .ConfigureAwait(false);

        foreach (var session in day.Sessions)
        {
            var entry = _context.Entry(session);
            var position = entry.Property(s => s.Position);
            if (entry.State is EntityState.Unchanged or EntityState.Modified
                && string.Equals(entry.Property(s => s.DayId).OriginalValue, day.Id, StringComparison.Ordinal))
            {
                // What the row holds now, so EF Core orders the updates from there (no cycle on the index).
                position.OriginalValue = position.OriginalValue + PositionOffset;
            }
        }
    }

    /// <summary>Our exception for EF Core's concurrency failure, with what is current; <see langword="null"/> when no day or session is involved.</summary>
    private async Task<PlanConcurrencyException?> ConflictAsync(DbUpdateConcurrencyException e, CancellationToken cancellationToken)
    {
        var entry = e.Entries.FirstOrDefault(x => x.Entity is ProgramDay or ScheduledSession);
        var seen = entry?.Property(nameof(ProgramDay.ConcurrencyStamp)).OriginalValue as string;
        return entry?.Entity switch
        {
            ProgramDay day => new PlanConcurrencyException(day.Id, seen, await CurrentDayAsync(day.Id, cancellationToken).ConfigureAwait(false), e),
            ScheduledSession session => new PlanConcurrencyException(session.Id, seen, await CurrentSessionAsync(session.Id, cancellationToken).ConfigureAwait(false), e),
            _ => null,
        };
    }
}
