using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Planner.Model.Planning;
using Planner.Model.Scheduling;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Planning;

/// <summary>
/// The planning API on each real database. Split by concern into partial files (reads, writes,
/// concurrency, time zones, programs, dual writes); each test seeds its own program with fresh ids.
/// </summary>
public abstract partial class PlanningTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    /// <summary>Monday 2024-01-01, the seeded block's first date.</summary>
    protected static readonly LocalDate BlockStart = new(2024, 1, 1);

    /// <summary>Sunday 2024-03-31, the seeded block's last date.</summary>
    protected static readonly LocalDate BlockEnd = new(2024, 3, 31);

    /// <summary>The seeded block's 13 Wednesdays (2024-01-03 to 03-27), each with a noted long run: logged work.</summary>
    protected static readonly IReadOnlyList<LocalDate> Wednesdays = Enumerable.Range(0, 13).Select(week => new LocalDate(2024, 1, 3).PlusWeeks(week)).ToList();

    protected TDatabase Database { get; } = database;

    protected static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    /// <summary>A clock at noon UTC of a date.</summary>
    protected static FakeClock ClockAt(LocalDate date) => new(date.AtMidnight().PlusHours(12).InUtc().ToInstant());

    protected HostContext CreateContext(CommandCounter? counter = null, QueryTrackingBehavior? tracking = null)
    {
        var builder = Database.Configure(new DbContextOptionsBuilder<HostContext>());
        if (tracking is { } behavior)
        {
            builder.UseQueryTrackingBehavior(behavior);
        }

        if (counter is not null)
        {
            builder.AddInterceptors(counter);
        }

        return new HostContext((DbContextOptions<HostContext>)builder.Options);
    }

    protected static PlanningService Service(HostContext context, IClock? clock = null, PlanningOptions? options = null) =>
        new(context, clock ?? ClockAt(new LocalDate(2024, 1, 10)), options);

    /// <summary>
    /// A program of one block (2024-01-01 to 2024-03-31) from a weekly pattern: Monday easy, Wednesday
    /// easy (am) and long (pm), Saturday long; every other date a rest day (a row without sessions).
    /// </summary>
    protected async Task<Seeded> SeedAsync()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var seeded = new Seeded("prog-" + suffix, "blk-" + suffix, "tpl-easy-" + suffix, "tpl-long-" + suffix, "goal-" + suffix);
        var pattern = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>
        {
            [IsoDayOfWeek.Monday] = [new PlannedSession(seeded.EasyTemplateId)],
            [IsoDayOfWeek.Wednesday] = [new PlannedSession(seeded.EasyTemplateId, "am"), new PlannedSession(seeded.LongTemplateId, "pm", "hilly")],
            [IsoDayOfWeek.Saturday] = [new PlannedSession(seeded.LongTemplateId)],
        });

        await using var context = CreateContext();
        context.Set<SessionTemplate>().AddRange(
            new SessionTemplate { Id = seeded.EasyTemplateId, Name = "Easy run 45'" },
            new SessionTemplate { Id = seeded.LongTemplateId, Name = "Long run 2h" });
        context.Set<Goal>().Add(new Goal { Id = seeded.GoalId, Name = "Sub-3:30 marathon" });
        var block = new ProgramBlock
        {
            Id = seeded.BlockId,
            ProgramId = seeded.ProgramId,
            Name = "Base Builder",
            StartDate = BlockStart,
            EndDate = BlockEnd,
            GoalLinks = { new BlockGoal { BlockId = seeded.BlockId, GoalId = seeded.GoalId } },
        };
        foreach (var day in ScheduleExpansion.Materialize(seeded.BlockId, new BlockSchedule(BlockStart, BlockEnd, pattern)))
        {
            block.Days.Add(day);
        }

        context.Set<TrainingProgram>().Add(new TrainingProgram
        {
            Id = seeded.ProgramId,
            Name = "Marathon " + suffix,
            StartDate = BlockStart,
            EndDate = BlockEnd,
            Blocks = { block },
            GoalLinks = { new ProgramGoal { ProgramId = seeded.ProgramId, GoalId = seeded.GoalId } },
        });
        await context.SaveChangesAsync();
        return seeded;
    }

    /// <summary>The rows of a date, read back with plain EF Core (the oracle the API is checked against).</summary>
    protected async Task<ProgramDay> DayRowAsync(Seeded seeded, LocalDate date)
    {
        await using var context = CreateContext();
        return await context.Set<ProgramDay>().AsNoTracking().Include(d => d.Sessions)
            .SingleAsync(d => d.Block!.ProgramId == seeded.ProgramId && d.Date == date);
    }

    protected sealed record Seeded(string ProgramId, string BlockId, string EasyTemplateId, string LongTemplateId, string GoalId)
    {
        public string DayId(LocalDate date) => DeterministicIds.ForDay(BlockId, date);
    }
}

public sealed class SqlitePlanningTests(SqliteDatabase database)
    : PlanningTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresPlanningTests(PostgresDatabase database)
    : PlanningTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
