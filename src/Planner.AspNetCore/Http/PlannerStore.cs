using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.AspNetCore.Http;

/// <summary>Where a day or session lives: its program (for the access check) and its date.</summary>
internal readonly record struct Location(string ProgramId, string DayId, LocalDate Date);

/// <summary>
/// The one place the HTTP layer meets the planning API and the host's context: every call to
/// <see cref="PlanningService"/> and every lookup of the program a day, session or block belongs to.
/// One per request (scoped), on the host's own <see cref="DbContext"/>.
/// </summary>
internal sealed class PlannerStore(PlannerDbContextAccessor contextAccessor, PlanningService planning)
{
    public DbContext Db { get; } = contextAccessor.Context;

    public PlanningService Planning { get; } = planning;

    public Task<bool> ProgramExistsAsync(string programId, CancellationToken ct) =>
        Db.Set<TrainingProgram>().AsNoTracking().AnyAsync(p => p.Id == programId, ct);

    public Task<TrainingProgram?> ProgramAsync(string programId, CancellationToken ct) =>
        Db.Set<TrainingProgram>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);

    public async Task<Location?> LocateDayAsync(string dayId, CancellationToken ct)
    {
        var row = await Db.Set<ProgramDay>().AsNoTracking()
            .Where(d => d.Id == dayId)
            .Select(d => new { d.Block!.ProgramId, d.Id, d.Date })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new Location(row.ProgramId, row.Id, row.Date);
    }

    public async Task<Location?> LocateSessionAsync(string sessionId, CancellationToken ct)
    {
        var row = await Db.Set<ScheduledSession>().AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.Day!.Block!.ProgramId, s.DayId, s.Day.Date })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new Location(row.ProgramId, row.DayId, row.Date);
    }

    public Task<string?> ProgramOfBlockAsync(string blockId, CancellationToken ct) =>
        Db.Set<ProgramBlock>().AsNoTracking().Where(b => b.Id == blockId).Select(b => b.ProgramId).FirstOrDefaultAsync(ct);

    /// <summary>The day as the calendar shows it now; <see langword="null"/> when gone.</summary>
    public async Task<CalendarDay?> DayAsync(Location location, CancellationToken ct)
    {
        var window = await Planning.CalendarAsync(location.ProgramId, location.Date, location.Date, CalendarGaps.Omit, ct);
        return window.Days.FirstOrDefault(d => d.Id == location.DayId);
    }

    public Task<CalendarWindow> CalendarAsync(string programId, LocalDate from, LocalDate to, CancellationToken ct) =>
        Planning.CalendarAsync(programId, from, to, CalendarGaps.Omit, ct);

    public Task<CalendarWindow> TodayAsync(string programId, DateTimeZone zone, CancellationToken ct) =>
        Planning.TodayAsync(programId, zone, CalendarGaps.Omit, ct);

    public Task<CalendarWindow> ThisWeekAsync(string programId, DateTimeZone zone, CancellationToken ct) =>
        Planning.ThisWeekAsync(programId, zone, CalendarGaps.Omit, ct);

    public Task<IReadOnlyList<BlockCompliance>> ComplianceByBlockAsync(string programId, DateTimeZone zone, CancellationToken ct) =>
        Planning.ComplianceByBlockAsync(programId, zone, ct);

    public Task<IReadOnlyList<WeekCompliance>> ComplianceByWeekAsync(string programId, DateTimeZone zone, CancellationToken ct) =>
        Planning.ComplianceByWeekAsync(programId, zone, ct);

    public Task<IReadOnlyList<BlockSummary>> BlocksByGoalAsync(string goalId, CancellationToken ct) =>
        Planning.BlocksByGoalAsync(goalId, ct);

    public Task<IReadOnlyList<ProgramSummary>> ProgramsByGoalAsync(string goalId, CancellationToken ct) =>
        Planning.ProgramsByGoalAsync(goalId, GoalScope.ProgramOrBlocks, ct);

    // Writes: the stamps are the ones the request's If-Match was checked against.

    public Task<CalendarDay> UpdateDayAsync(CalendarDay current, DayEdit edit, CancellationToken ct) =>
        Planning.UpdateDayAsync(current.Id, edit, Expect.Stamp(current.ConcurrencyStamp), ct);

    public Task<CalendarDay> AddSessionAsync(CalendarDay day, string templateId, string? slot, string? notes, int? position, CancellationToken ct) =>
        Planning.AddSessionAsync(day.Id, templateId, Expect.Stamp(day.ConcurrencyStamp), slot, notes, position, ct);

    public Task<CalendarDay> ReorderSessionsAsync(CalendarDay day, IReadOnlyList<string> sessionIds, CancellationToken ct) =>
        Planning.ReorderSessionsAsync(day.Id, sessionIds, Expect.Stamp(day.ConcurrencyStamp), ct);

    public Task<CalendarDay> MoveSessionAsync(CalendarSession session, LocalDate date, CancellationToken ct) =>
        Planning.MoveSessionAsync(session.Id, date, Expect.Stamp(session.ConcurrencyStamp), ct);

    public Task<CalendarSession> CompleteSessionAsync(CalendarSession session, SessionCompletion completion, CancellationToken ct) =>
        Planning.CompleteSessionAsync(session.Id, completion, Expect.Stamp(session.ConcurrencyStamp), ct);

    public Task<CalendarDay> RemoveSessionAsync(CalendarSession session, CancellationToken ct) =>
        Planning.RemoveSessionAsync(session.Id, Expect.Stamp(session.ConcurrencyStamp), ct);

    public Task<RescheduleChangeSet> ShiftBlockAsync(string blockId, int days, RescheduleOptions options, CancellationToken ct) =>
        Planning.ShiftBlockAsync(blockId, days, options, ct);

    public Task<RescheduleChangeSet> RescheduleBlockAsync(string blockId, BlockSchedule schedule, RescheduleOptions options, CancellationToken ct) =>
        Planning.RescheduleBlockAsync(blockId, schedule, options, ct);

    public Task<CalendarWindow> CopyWeekAsync(string programId, LocalDate sourceStart, LocalDate targetStart, CancellationToken ct) =>
        Planning.CopyWeekAsync(programId, sourceStart, targetStart, ct);

    public Task<ProgramSummary> StartProgramFromAsync(string programId, string newProgramId, string name, LocalDate startDate, CancellationToken ct) =>
        Planning.StartProgramFromAsync(programId, newProgramId, name, startDate, ct);
}

/// <summary>The host's context, as registered by <c>AddPlannerApi&lt;TContext&gt;()</c>.</summary>
internal sealed class PlannerDbContextAccessor(DbContext context)
{
    public DbContext Context { get; } = context;
}
