using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Planner.Model.Planning;

/// <summary>
/// The planning API a host builds its endpoints on: calendar reads, compliance, and writes of days,
/// sessions, blocks and programs, on the host's own <see cref="DbContext"/> (any context whose model
/// calls <c>ApplyPlannerModel()</c>).
/// </summary>
/// <remarks>
/// <para>Create one per unit of work, like the context it wraps (a web request). Reads return
/// untracked snapshots (<see cref="CalendarDay"/>, <see cref="Compliance"/>, ...); writes load only the
/// rows they change, save them with <c>SaveChanges</c> in one transaction (the host's, if one is open)
/// and return the new concurrency stamp. Pending changes the host left in the context are saved with
/// them. After an exception from a write, discard the context, as EF Core advises.</para>
/// <para>Writes of a day or session take the concurrency check explicitly (<see cref="Expect"/>): the stamp
/// the caller last saw, where a stale one raises <see cref="PlanConcurrencyException"/> with what is current,
/// or <see cref="Expect.Any"/>. Edits of different days never conflict.</para>
/// <para>Every read and write of an id that does not exist raises <see cref="PlanNotFoundException"/>
/// (a <see cref="KeyNotFoundException"/>), reads of a program included: an empty result always means an
/// existing program with nothing there.</para>
/// </remarks>
public sealed partial class PlanningService
{
    private readonly DbContext _context;
    private readonly IClock _clock;
    private readonly PlanningOptions _options;

    /// <summary>Creates the service over a host's context.</summary>
    /// <param name="context">The host's context; its model must include the planner's (<c>ApplyPlannerModel()</c>).</param>
    /// <param name="clock">The clock "today" comes from (<c>SystemClock.Instance</c> in production, a fake one in tests).</param>
    /// <param name="options">The week start and dual writes; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are not valid (a week start that is not a day of the week).</exception>
    public PlanningService(DbContext context, IClock clock, PlanningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clock);
        _context = context;
        _clock = clock;
        _options = options ?? new PlanningOptions();
        if (PlanningOptions.Problem(_options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }
    }

    /// <summary>The athlete's date now, in their time zone (never the server's).</summary>
    /// <param name="zone">The athlete's time zone, e.g. <c>DateTimeZoneProviders.Tzdb["Pacific/Auckland"]</c>.</param>
    /// <returns>Today's date where the athlete is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public LocalDate Today(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return _clock.GetCurrentInstant().InZone(zone).Date;
    }

    /// <summary>The first date of the athlete's current week (on or before today, on <see cref="PlanningOptions.WeekStart"/>).</summary>
    /// <param name="zone">The athlete's time zone.</param>
    /// <returns>The week's first date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public LocalDate ThisWeekStart(DateTimeZone zone) => WeekStartOf(Today(zone));

    private LocalDate WeekStartOf(LocalDate date) => date.With(DateAdjusters.PreviousOrSame(_options.WeekStart));

    private static PlanNotFoundException NotFound(PlanEntity entity, string id) => new(entity, id);

    /// <summary>Raises <see cref="PlanNotFoundException"/> unless the program exists (one query).</summary>
    private async Task RequireProgramAsync(string programId, CancellationToken cancellationToken)
    {
        if (!await Query<TrainingProgram>().AnyAsync(p => p.Id == programId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound(PlanEntity.Program, programId);
        }
    }

    private IQueryable<T> Query<T>()
        where T : class => _context.Set<T>().AsNoTracking();

    /// <summary>
    /// Runs a write in a transaction (joining the host's when one is open, <see cref="HostTransaction"/>),
    /// then the dual write of the program's legacy column, then commits. EF Core's concurrency failure,
    /// from any save of the write, comes out as ours, with what is current.
    /// </summary>
    /// <remarks>The change returns the program whose legacy column to rewrite, or <see langword="null"/> when it wrote no program's plan (or deleted the program).</remarks>
    private Task<TResult> WriteAsync<TResult>(Func<CancellationToken, Task<(TResult Result, string? ProgramId)>> change, CancellationToken cancellationToken) =>
        HostTransaction.RunAsync(
            _context,
            async ct =>
            {
                TResult result;
                string? programId;
                try
                {
                    (result, programId) = await change(ct).ConfigureAwait(false);
                }
                catch (DbUpdateConcurrencyException e)
                {
                    throw await ConflictAsync(e, ct).ConfigureAwait(false) ?? (Exception)e;
                }

                if (_options.LegacyScheduleWriter is { } writer && programId is not null)
                {
                    await WriteLegacyScheduleAsync(writer, programId, ct).ConfigureAwait(false);
                }

                return result;
            },
            cancellationToken);

    /// <summary>
    /// Takes the program row's write lock until the transaction ends (a no-op UPDATE; on SQLite the
    /// transaction holds the database's write lock already): writes that read the program or its blocks
    /// and then change them (its dates, the block list, the legacy column) take turns, each reading what
    /// the one before committed. EF Core InMemory has no locks (nor concurrent transactions).
    /// </summary>
    private async Task LockProgramAsync(string programId, CancellationToken cancellationToken)
    {
        if (_context.Database.IsRelational())
        {
            await _context.Set<TrainingProgram>()
                .Where(p => p.Id == programId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.LegacyWeeklySchedule, p => p.LegacyWeeklySchedule), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task WriteLegacyScheduleAsync(ILegacyScheduleWriter writer, string programId, CancellationToken cancellationToken)
    {
        var relational = _context.Database.IsRelational();

        // Lock the program's row first: a concurrent write of another day of the same program then waits
        // for this transaction, and reads its rows after it commits, so neither JSON loses the other's edit.
        await LockProgramAsync(programId, cancellationToken).ConfigureAwait(false);

        var program = await Query<TrainingProgram>()
            .WithPlan(goals: true, templates: true)
            .SingleAsync(p => p.Id == programId, cancellationToken)
            .ConfigureAwait(false);

        // Children in the order the plan shows them, whatever order the database returned.
        program.Blocks = program.Blocks.OrderBy(b => b.Position).ToList();
        foreach (var block in program.Blocks)
        {
            block.Days = block.Days.OrderBy(d => d.Date).ToList();
            foreach (var day in block.Days)
            {
                day.Sessions = day.Sessions.OrderBy(s => s.Position).ToList();
            }
        }

        var json = writer.Write(program);
        if (relational)
        {
            await _context.Set<TrainingProgram>()
                .Where(p => p.Id == programId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.LegacyWeeklySchedule, json), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        // EF Core InMemory has no ExecuteUpdate (nor locks, nor transactions to wait for): the column is saved
        // through the change tracker, on the program the write tracks already if it does.
        var tracked = await _context.Set<TrainingProgram>().FindAsync([programId], cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(PlanEntity.Program, programId);
        tracked.LegacyWeeklySchedule = json;
        await _context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
