using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Tests.Infrastructure;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// A host renames, after <c>ApplyPlannerModel()</c>, columns that the planner's check constraints use
/// (plain EF Core, as the README says to change anything): the schema is still created, and each check
/// still refuses the rows it is there to refuse, on the renamed columns.
/// </summary>
public abstract class RenamedColumnsTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase, IRenamedColumnsDatabase
{
    private static readonly LocalDate Start = new(2024, 3, 4);

    protected TDatabase Database { get; } = database;

    [SkippableFact]
    public async Task The_tables_have_the_renamed_columns_and_the_checks_use_them()
    {
        var schema = await Database.ReadSchemaAsync();

        var blocks = schema["program_blocks"];
        var days = schema["program_days"];
        var sessions = schema["scheduled_sessions"];
        Assert.Subset(blocks.Columns.Select(c => c.Name).ToHashSet(), new HashSet<string> { "starts_on", "ends_on" });
        Assert.Subset(days.Columns.Select(c => c.Name).ToHashSet(), new HashSet<string> { "day_date", "Readiness" });
        Assert.Subset(sessions.Columns.Select(c => c.Name).ToHashSet(), new HashSet<string> { "order" });
        Assert.DoesNotContain(days.Columns, c => c.Name is "date" or "readiness");
        Assert.Contains("ends_on", Assert.Single(blocks.Checks).Expression, StringComparison.Ordinal);
        Assert.Contains("Readiness", Assert.Single(days.Checks).Expression, StringComparison.Ordinal);
        Assert.Contains("order", Assert.Single(sessions.Checks).Expression, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_block_ending_before_it_starts_is_refused()
    {
        var program = await SavedProgramAsync();

        await AssertRefusedAsync(NewBlock(program, Start, Start.PlusDays(-1)));
        await AssertAcceptedAsync(NewBlock(program, Start, Start));
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task Readiness_outside_1_to_10_is_refused(int readiness)
    {
        var block = await SavedBlockAsync();

        await AssertRefusedAsync(NewDay(block, Start, readiness));
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(null)]
    public async Task Readiness_from_1_to_10_or_none_is_accepted(int? readiness)
    {
        var block = await SavedBlockAsync();

        await AssertAcceptedAsync(NewDay(block, Start, readiness));
    }

    [SkippableFact]
    public async Task A_negative_session_position_is_refused()
    {
        var block = await SavedBlockAsync();
        var day = NewDay(block, Start, null);
        var template = new SessionTemplate { Id = NewId(), Name = "Easy run" };
        await AssertAcceptedAsync(day, template);

        await AssertRefusedAsync(NewSession(day, template, -1));
        await AssertAcceptedAsync(NewSession(day, template, 0));
    }

    private static string NewId() => "id-" + Guid.NewGuid().ToString("N");

    private static ProgramBlock NewBlock(TrainingProgram program, LocalDate start, LocalDate end) =>
        new() { Id = NewId(), ProgramId = program.Id, Name = "Base", StartDate = start, EndDate = end };

    private static ProgramDay NewDay(ProgramBlock block, LocalDate date, int? readiness) =>
        new() { Id = NewId(), BlockId = block.Id, Date = date, Readiness = readiness };

    private static ScheduledSession NewSession(ProgramDay day, SessionTemplate template, int position) =>
        new() { Id = NewId(), DayId = day.Id, SessionTemplateId = template.Id, Position = position };

    private async Task<TrainingProgram> SavedProgramAsync()
    {
        Database.SkipIfUnavailable();
        var program = new TrainingProgram { Id = NewId(), Name = "Marathon" };
        await AssertAcceptedAsync(program);
        return program;
    }

    private async Task<ProgramBlock> SavedBlockAsync()
    {
        var block = NewBlock(await SavedProgramAsync(), Start, Start.PlusDays(27));
        await AssertAcceptedAsync(block);
        return block;
    }

    private async Task AssertRefusedAsync(object row)
    {
        await using var context = Database.CreateRenamedContext();
        context.Add(row);
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.True(Database.Violated(error) == ConstraintKind.Check, $"Expected a check violation for {row.GetType().Name}, got: {error.InnerException?.Message}");
    }

    private async Task AssertAcceptedAsync(params object[] rows)
    {
        await using var context = Database.CreateRenamedContext();
        context.AddRange(rows);
        await context.SaveChangesAsync();
    }
}

/// <summary>A test database whose schema was created by a context that renames the checked columns.</summary>
public interface IRenamedColumnsDatabase
{
    /// <summary>A new context of the type the schema was created with.</summary>
    DbContext CreateRenamedContext();
}

/// <summary>
/// The ready context, with columns renamed after the planner's mapping: a day's date (the README's
/// example) and readiness (mixed case, which PostgreSQL keeps only when quoted), a block's dates, and
/// a session's position (<c>order</c>, a reserved word). It needs nothing more: the ready context adds
/// the planner's conventions itself.
/// </summary>
public sealed class RenamedColumnsPlannerContext(DbContextOptions<RenamedColumnsPlannerContext> options) : PlannerDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        RenamedColumns.Rename(modelBuilder);
    }
}

/// <summary>A host's own context making the same renames: it adds the planner's conventions itself.</summary>
public sealed class RenamedColumnsHostContext(DbContextOptions<RenamedColumnsHostContext> options) : DbContext(options)
{
    public DbSet<Athlete> Athletes => Set<Athlete>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyPlannerConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Athlete>().ToTable("athletes");
        modelBuilder.ApplyPlannerModel();
        RenamedColumns.Rename(modelBuilder);
    }
}

/// <summary>The renames the contexts of <see cref="RenamedColumnsTests{TDatabase}"/> make, after <c>ApplyPlannerModel()</c>.</summary>
public static class RenamedColumns
{
    public static void Rename(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProgramDay>().Property(d => d.Date).HasColumnName("day_date");
        modelBuilder.Entity<ProgramDay>().Property(d => d.Readiness).HasColumnName("Readiness");
        modelBuilder.Entity<ProgramBlock>().Property(b => b.StartDate).HasColumnName("starts_on");
        modelBuilder.Entity<ProgramBlock>().Property(b => b.EndDate).HasColumnName("ends_on");
        modelBuilder.Entity<ScheduledSession>().Property(s => s.Position).HasColumnName("order");
    }

    public static TContext Create<TContext>(TestDatabase database, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext =>
        create((DbContextOptions<TContext>)database.Configure(new DbContextOptionsBuilder<TContext>()).Options);
}

public sealed class SqliteRenamedColumnsDatabase : SqliteDatabase, IRenamedColumnsDatabase
{
    public DbContext CreateRenamedContext() => RenamedColumns.Create<RenamedColumnsPlannerContext>(this, o => new(o));

    protected override async Task CreateSchemaAsync()
    {
        await using var context = CreateRenamedContext();
        await context.Database.EnsureCreatedAsync();
    }
}

public sealed class PostgresRenamedColumnsDatabase : PostgresDatabase, IRenamedColumnsDatabase
{
    public DbContext CreateRenamedContext() => RenamedColumns.Create<RenamedColumnsPlannerContext>(this, o => new(o));

    protected override async Task CreateSchemaAsync()
    {
        await using var context = CreateRenamedContext();
        await context.Database.EnsureCreatedAsync();
    }
}

public sealed class SqliteRenamedColumnsHostDatabase : SqliteDatabase, IRenamedColumnsDatabase
{
    public DbContext CreateRenamedContext() => RenamedColumns.Create<RenamedColumnsHostContext>(this, o => new(o));

    protected override async Task CreateSchemaAsync()
    {
        await using var context = CreateRenamedContext();
        await context.Database.EnsureCreatedAsync();
    }
}

public sealed class PostgresRenamedColumnsHostDatabase : PostgresDatabase, IRenamedColumnsDatabase
{
    public DbContext CreateRenamedContext() => RenamedColumns.Create<RenamedColumnsHostContext>(this, o => new(o));

    protected override async Task CreateSchemaAsync()
    {
        await using var context = CreateRenamedContext();
        await context.Database.EnsureCreatedAsync();
    }
}

public sealed class SqliteRenamedColumnsTests(SqliteRenamedColumnsDatabase database)
    : RenamedColumnsTests<SqliteRenamedColumnsDatabase>(database), IClassFixture<SqliteRenamedColumnsDatabase>;

public sealed class PostgresRenamedColumnsTests(PostgresRenamedColumnsDatabase database)
    : RenamedColumnsTests<PostgresRenamedColumnsDatabase>(database), IClassFixture<PostgresRenamedColumnsDatabase>;

public sealed class SqliteRenamedColumnsHostTests(SqliteRenamedColumnsHostDatabase database)
    : RenamedColumnsTests<SqliteRenamedColumnsHostDatabase>(database), IClassFixture<SqliteRenamedColumnsHostDatabase>;

public sealed class PostgresRenamedColumnsHostTests(PostgresRenamedColumnsHostDatabase database)
    : RenamedColumnsTests<PostgresRenamedColumnsHostDatabase>(database), IClassFixture<PostgresRenamedColumnsHostDatabase>;
