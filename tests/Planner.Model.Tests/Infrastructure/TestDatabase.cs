using Microsoft.EntityFrameworkCore;
using Planner.Model;

namespace Planner.Model.Tests.Infrastructure;

/// <summary>
/// A real database for one test class: a fresh SQLite file or a fresh PostgreSQL database, created
/// with the planner's schema. The same test classes run against both (see <see cref="SqliteDatabase"/>
/// and <see cref="PostgresDatabase"/>).
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Provider { get; }

    /// <summary>Why this database cannot run here, or null when it can.</summary>
    public virtual string? SkipReason => null;

    /// <summary>The connection string of this test database.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Configures EF Core's provider for this database.</summary>
    public abstract DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder);

    /// <summary>A new context on this database.</summary>
    public PlannerDbContext CreateContext() =>
        new(Configure(new DbContextOptionsBuilder<PlannerDbContext>()).Options as DbContextOptions<PlannerDbContext>
            ?? throw new InvalidOperationException());

    /// <summary>A new host-style context (a host entity beside the planner's) on this database.</summary>
    public HostContext CreateHostContext() =>
        new((DbContextOptions<HostContext>)Configure(new DbContextOptionsBuilder<HostContext>()).Options);

    /// <summary>Skips the calling test when this database is not available here.</summary>
    public void SkipIfUnavailable() => Skip.If(SkipReason is not null, SkipReason);

    /// <inheritdoc />
    public abstract Task InitializeAsync();

    /// <inheritdoc />
    public abstract Task DisposeAsync();

    /// <summary>Creates the schema through a host context, so both context types see the same tables.</summary>
    protected async Task CreateSchemaAsync()
    {
        await using var context = CreateHostContext();
        await context.Database.EnsureCreatedAsync();
    }
}
