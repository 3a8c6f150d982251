using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Planning;

public sealed partial class PlanningService
{
    // Compiled queries belong to one model; a context type has one model per provider (and hosts may
    // run one type on two providers, as the tests do), so they are compiled once per model.
    private static readonly ConditionalWeakTable<IModel, Func<DbContext, string, LocalDate, LocalDate, IAsyncEnumerable<CalendarRow>>> CalendarQueries = [];

    // One flat row per (day, session), days without sessions included: one SQL command for any window.
    // No tracking, a projection, no entity materialisation.
    private static Func<DbContext, string, LocalDate, LocalDate, IAsyncEnumerable<CalendarRow>> CompileCalendarQuery() =>
        EF.CompileAsyncQuery((DbContext c, string programId, LocalDate first, LocalDate last) =>
            from d in c.Set<ProgramDay>()
            join b in c.Set<ProgramBlock>() on d.BlockId equals b.Id
            where b.ProgramId == programId && d.Date >= first && d.Date <= last
            join s0 in c.Set<ScheduledSession>() on d.Id equals s0.DayId into daySessions
            from s in daySessions.DefaultIfEmpty()
            join t0 in c.Set<SessionTemplate>() on s.SessionTemplateId equals t0.Id into sessionTemplates
            from t in sessionTemplates.DefaultIfEmpty()
            orderby d.Date, b.Position, d.Id, s.Position
            select new CalendarRow(
                d.Id, d.BlockId, d.Date, d.Name, d.Notes, d.Readiness, d.ConcurrencyStamp,
                s.Id, (int?)s.Position, s.Slot, s.Notes, (bool?)s.IsCompleted, s.CompletionData, s.ConcurrencyStamp, s.SessionTemplateId, t.Name));

    /// <summary>The longest calendar window a read takes, in dates (a leap year): a longer one raises <see cref="ArgumentOutOfRangeException"/>.</summary>
    public const int MaxCalendarDays = 366;

    /// <summary>A program's calendar between two dates: its days with their sessions and templates, in date and position order. One SQL command.</summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="from">The first date.</param>
    /// <param name="to">The last date (inclusive); at most <see cref="MaxCalendarDays"/> dates from <paramref name="from"/>.</param>
    /// <param name="gaps">Whether the window also lists every date, those without a day row included (<see cref="CalendarWindow.Dates"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The window: <see cref="CalendarWindow.Days"/> has the dates that have a day row; with <see cref="CalendarGaps.Fill"/>, <see cref="CalendarWindow.Dates"/> has every date.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The window spans more than <see cref="MaxCalendarDays"/> dates.</exception>
    /// <exception cref="PlanNotFoundException">There is no such program (a second command, only when the window has no day).</exception>
    public async Task<CalendarWindow> CalendarAsync(string programId, LocalDate from, LocalDate to, CalendarGaps gaps = CalendarGaps.Omit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programId);
        if (to < from)
        {
            throw new ArgumentException($"The window's end {FormatIso(to)} is before its start {FormatIso(from)}.", nameof(to));
        }

        if (Period.DaysBetween(from, to) >= MaxCalendarDays)
        {
            throw new ArgumentOutOfRangeException(
                nameof(to),
                FormatIso(to),
                $"The window {FormatIso(from)}..{FormatIso(to)} spans {Period.DaysBetween(from, to) + 1} dates; a calendar read takes at most {MaxCalendarDays}.");
        }

        var days = new List<CalendarDay>();
        List<CalendarSession>? sessions = null;
        CalendarRow current = default;
        var query = CalendarQueries.GetValue(_context.Model, _ => CompileCalendarQuery());
        await foreach (var row in query(_context, programId, from, to).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (current.DayId != row.DayId)
            {
                if (current.DayId is not null)
                {
                    days.Add(current.ToDay(sessions!));
                }

                current = row;
                sessions = [];
            }

            if (row.SessionId is not null)
            {
                sessions!.Add(row.ToSession());
            }
        }

        if (current.DayId is not null)
        {
            days.Add(current.ToDay(sessions!));
        }
        else
        {
            // No day: an existing program with nothing there, or no program at all.
            await RequireProgramAsync(programId, cancellationToken).ConfigureAwait(false);
        }

        return new CalendarWindow(from, to, days) { Dates = gaps == CalendarGaps.Fill ? EveryDate(from, to, days) : null };
    }

    /// <summary>Every date of a window with its days (none for a date without a row; two where legacy blocks overlap).</summary>
    private static List<CalendarDate> EveryDate(LocalDate from, LocalDate to, List<CalendarDay> days)
    {
        var dates = new List<CalendarDate>(Period.DaysBetween(from, to) + 1);
        var next = 0;
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            var first = next;
            while (next < days.Count && days[next].Date == date)
            {
                next++;
            }

            dates.Add(new CalendarDate(date, next == first ? [] : days.GetRange(first, next - first)));
        }

        return dates;
    }

    /// <summary>The athlete's today: the calendar of the current date in their time zone. One SQL command.</summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="zone">The athlete's time zone.</param>
    /// <param name="gaps">Whether <see cref="CalendarWindow.Dates"/> lists the date even without a day row.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A one-date window (<see cref="CalendarWindow.From"/> is today); no day when the program has none that date.</returns>
    /// <exception cref="PlanNotFoundException">There is no such program.</exception>
    public Task<CalendarWindow> TodayAsync(string programId, DateTimeZone zone, CalendarGaps gaps = CalendarGaps.Omit, CancellationToken cancellationToken = default)
    {
        var today = Today(zone);
        return CalendarAsync(programId, today, today, gaps, cancellationToken);
    }

    /// <summary>The athlete's this week: the seven dates from <see cref="ThisWeekStart"/>, in their time zone. One SQL command.</summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="zone">The athlete's time zone.</param>
    /// <param name="gaps">Whether <see cref="CalendarWindow.Dates"/> lists all seven dates, those without a day row included.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The week's window.</returns>
    /// <exception cref="PlanNotFoundException">There is no such program.</exception>
    public Task<CalendarWindow> ThisWeekAsync(string programId, DateTimeZone zone, CalendarGaps gaps = CalendarGaps.Omit, CancellationToken cancellationToken = default)
    {
        var start = ThisWeekStart(zone);
        return CalendarAsync(programId, start, start.PlusDays(6), gaps, cancellationToken);
    }

    /// <summary>The blocks linked to a goal, by program then position. One SQL command.</summary>
    /// <param name="goalId">The goal's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The blocks.</returns>
    /// <exception cref="PlanNotFoundException">There is no such goal (a second command, only when no block has it).</exception>
    public async Task<IReadOnlyList<BlockSummary>> BlocksByGoalAsync(string goalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(goalId);
        var blocks = await (
            from l in Query<BlockGoal>()
            where l.GoalId == goalId
            join b in Query<ProgramBlock>() on l.BlockId equals b.Id
            orderby b.ProgramId, b.Position, b.Id
            select new BlockSummary(b.Id, b.ProgramId, b.Position, b.Name, b.StartDate, b.EndDate, b.Color))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (blocks.Count == 0)
        {
            await RequireGoalAsync(goalId, cancellationToken).ConfigureAwait(false);
        }

        return blocks;
    }

    /// <summary>The programs that work towards a goal, by name. One SQL command.</summary>
    /// <param name="goalId">The goal's id.</param>
    /// <param name="scope">
    /// Which programs count: <see cref="GoalScope.Program"/>, those linked to the goal themselves;
    /// <see cref="GoalScope.ProgramOrBlocks"/>, those too whose block is linked to it.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The programs, each once.</returns>
    /// <exception cref="PlanNotFoundException">There is no such goal (a second command, only when no program has it).</exception>
    public async Task<IReadOnlyList<ProgramSummary>> ProgramsByGoalAsync(string goalId, GoalScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(goalId);
        var ids = Query<ProgramGoal>().Where(l => l.GoalId == goalId).Select(l => l.ProgramId);
        if (scope == GoalScope.ProgramOrBlocks)
        {
            ids = ids.Concat(
                from l in Query<BlockGoal>()
                where l.GoalId == goalId
                join b in Query<ProgramBlock>() on l.BlockId equals b.Id
                select b.ProgramId);
        }
        else if (scope != GoalScope.Program)
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown goal scope.");
        }

        var programs = await (
            from p in Query<TrainingProgram>()
            where ids.Contains(p.Id)
            orderby p.Name, p.Id
            select new ProgramSummary(p.Id, p.Name, p.StartDate, p.EndDate))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (programs.Count == 0)
        {
            await RequireGoalAsync(goalId, cancellationToken).ConfigureAwait(false);
        }

        return programs;
    }

    private async Task RequireGoalAsync(string goalId, CancellationToken cancellationToken)
    {
        if (!await Query<Goal>().AnyAsync(g => g.Id == goalId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound(PlanEntity.Goal, goalId);
        }
    }

    /// <summary>
    /// Planned, completed and missed sessions of each block of a program, as of the athlete's today,
    /// counted in SQL (one grouped query). Blocks without sessions are absent.
    /// </summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="zone">The athlete's time zone ("missed" means planned before their today).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The blocks' compliance, in block order.</returns>
    /// <exception cref="PlanNotFoundException">There is no such program (a second command, only when it has no session).</exception>
    public async Task<IReadOnlyList<BlockCompliance>> ComplianceByBlockAsync(string programId, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programId);
        var today = Today(zone);
        var rows = await (
            from s in Query<ScheduledSession>()
            join d in Query<ProgramDay>() on s.DayId equals d.Id
            join b in Query<ProgramBlock>() on d.BlockId equals b.Id
            where b.ProgramId == programId
            group new { s.IsCompleted, d.Date } by new { b.Id, b.Name, b.StartDate, b.Position } into g
            orderby g.Key.Position, g.Key.Id
            select new
            {
                g.Key.Id,
                g.Key.Name,
                g.Key.StartDate,
                Planned = g.Count(),
                Completed = g.Sum(x => x.IsCompleted ? 1 : 0),
                Missed = g.Sum(x => !x.IsCompleted && x.Date < today ? 1 : 0),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            await RequireProgramAsync(programId, cancellationToken).ConfigureAwait(false);
        }

        return rows.Select(r => new BlockCompliance(r.Id, r.Name, r.StartDate, new Compliance(r.Planned, r.Completed, r.Missed))).ToList();
    }

    /// <summary>
    /// Planned, completed and missed sessions of each week of a program (weeks from
    /// <see cref="PlanningOptions.WeekStart"/>), as of the athlete's today. One grouped query counts per
    /// date in SQL; the at most seven dates of a week are then added up here, since week arithmetic on
    /// dates differs per provider and date mapping. Weeks without sessions are absent.
    /// </summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="zone">The athlete's time zone.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The weeks' compliance, in date order.</returns>
    /// <exception cref="PlanNotFoundException">There is no such program (a second command, only when it has no session).</exception>
    public async Task<IReadOnlyList<WeekCompliance>> ComplianceByWeekAsync(string programId, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programId);
        var today = Today(zone);
        var rows = await (
            from s in Query<ScheduledSession>()
            join d in Query<ProgramDay>() on s.DayId equals d.Id
            join b in Query<ProgramBlock>() on d.BlockId equals b.Id
            where b.ProgramId == programId
            group new { s.IsCompleted, d.Date } by d.Date into g
            orderby g.Key
            select new
            {
                Date = g.Key,
                Planned = g.Count(),
                Completed = g.Sum(x => x.IsCompleted ? 1 : 0),
                Missed = g.Sum(x => !x.IsCompleted && x.Date < today ? 1 : 0),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            await RequireProgramAsync(programId, cancellationToken).ConfigureAwait(false);
        }

        var weeks = new List<WeekCompliance>();
        foreach (var row in rows)
        {
            var weekStart = WeekStartOf(row.Date);
            if (weeks.Count > 0 && weeks[^1].WeekStart == weekStart)
            {
                var c = weeks[^1].Compliance;
                weeks[^1] = new WeekCompliance(weekStart, new Compliance(c.Planned + row.Planned, c.Completed + row.Completed, c.Missed + row.Missed));
            }
            else
            {
                weeks.Add(new WeekCompliance(weekStart, new Compliance(row.Planned, row.Completed, row.Missed)));
            }
        }

        return weeks;
    }

    private async Task<CalendarDay?> CurrentDayAsync(string dayId, CancellationToken cancellationToken)
    {
        var rows = await (
            from d in Query<ProgramDay>()
            where d.Id == dayId
            join s0 in Query<ScheduledSession>() on d.Id equals s0.DayId into daySessions
            from s in daySessions.DefaultIfEmpty()
            join t0 in Query<SessionTemplate>() on s.SessionTemplateId equals t0.Id into sessionTemplates
            from t in sessionTemplates.DefaultIfEmpty()
            orderby s.Position
            select new CalendarRow(
                d.Id, d.BlockId, d.Date, d.Name, d.Notes, d.Readiness, d.ConcurrencyStamp,
                s.Id, (int?)s.Position, s.Slot, s.Notes, (bool?)s.IsCompleted, s.CompletionData, s.ConcurrencyStamp, s.SessionTemplateId, t.Name))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0].ToDay(rows.Where(r => r.SessionId is not null).Select(r => r.ToSession()).ToList());
    }

    private async Task<CalendarSession?> CurrentSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var row = await (
            from s in Query<ScheduledSession>()
            where s.Id == sessionId
            join t in Query<SessionTemplate>() on s.SessionTemplateId equals t.Id
            select new { s.Id, s.Position, s.Slot, s.Notes, s.IsCompleted, s.CompletionData, s.ConcurrencyStamp, s.SessionTemplateId, t.Name })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null
            ? null
            : new CalendarSession(row.Id, row.Position, row.Slot, row.Notes, row.IsCompleted, SessionCompletion.Parse(row.CompletionData), row.ConcurrencyStamp, row.SessionTemplateId, row.Name);
    }
}

/// <summary>One (day, session) row of a calendar read; the session's columns are null for a day without sessions. A struct: nothing allocated per row beyond the records returned.</summary>
internal readonly record struct CalendarRow(
    string DayId,
    string BlockId,
    LocalDate Date,
    string? DayName,
    string? DayNotes,
    int? Readiness,
    string DayStamp,
    string? SessionId,
    int? Position,
    string? Slot,
    string? SessionNotes,
    bool? IsCompleted,
    string? CompletionData,
    string? SessionStamp,
    string? TemplateId,
    string? TemplateName)
{
    public CalendarDay ToDay(IReadOnlyList<CalendarSession> sessions) =>
        new(DayId, BlockId, Date, DayName, DayNotes, Readiness, DayStamp, sessions);

    public CalendarSession ToSession() =>
        new(SessionId!, Position!.Value, Slot, SessionNotes, IsCompleted!.Value, SessionCompletion.Parse(CompletionData), SessionStamp!, TemplateId!, TemplateName ?? string.Empty);
}
