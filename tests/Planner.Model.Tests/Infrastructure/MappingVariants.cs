using Microsoft.EntityFrameworkCore;
using Planner.Model.Configuration;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Infrastructure;

// EF Core caches the model per context type, so each set of mapping options needs a context type of
// its own, and a database of its own created with it.

/// <summary>The planner's context with dates stored as ISO text.</summary>
public sealed class IsoTextPlannerContext(DbContextOptions options) : PlannerDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyPlannerModel(o => o.DateMapping = PlannerDateMapping.IsoText);
}

/// <summary>The planner's context leaving <c>LocalDate</c> to the provider (Npgsql's <c>UseNodaTime()</c>).</summary>
public sealed class ProviderNativePlannerContext(DbContextOptions options) : PlannerDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyPlannerModel(o => o.DateMapping = PlannerDateMapping.ProviderNative);
}

/// <summary>The planner's context with a schema and two renamed tables.</summary>
public sealed class RenamedPlannerContext(DbContextOptions options) : PlannerDbContext(options)
{
    public const string SchemaName = "plan";

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyPlannerModel(o =>
        {
            o.Schema = SchemaName;
            o.Tables.Days = "plan_days";
            o.Tables.Sessions = "plan_sessions";
        });
}

public sealed class SqliteIsoTextDatabase : SqliteDatabase
{
    protected override PlannerDbContext NewContext(DbContextOptions<PlannerDbContext> options) => new IsoTextPlannerContext(options);

    protected override async Task CreateSchemaAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }
}

public sealed class PostgresIsoTextDatabase : PostgresDatabase
{
    protected override PlannerDbContext NewContext(DbContextOptions<PlannerDbContext> options) => new IsoTextPlannerContext(options);

    protected override async Task CreateSchemaAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }
}

public sealed class PostgresNodaTimeDatabase : PostgresDatabase
{
    public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) =>
        builder.UseNpgsql(ConnectionString, npgsql => npgsql.UseNodaTime());

    protected override PlannerDbContext NewContext(DbContextOptions<PlannerDbContext> options) => new ProviderNativePlannerContext(options);

    protected override async Task CreateSchemaAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }
}

public sealed class SqliteRenamedDatabase : SqliteDatabase
{
    protected override PlannerDbContext NewContext(DbContextOptions<PlannerDbContext> options) => new RenamedPlannerContext(options);

    protected override async Task CreateSchemaAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }
}

public sealed class PostgresRenamedDatabase : PostgresDatabase
{
    public override string? Schema => RenamedPlannerContext.SchemaName;

    protected override PlannerDbContext NewContext(DbContextOptions<PlannerDbContext> options) => new RenamedPlannerContext(options);

    protected override async Task CreateSchemaAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }
}
