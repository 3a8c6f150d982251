using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Planner.Model;

namespace Planner.Testing.Databases;

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

    /// <summary>The schema the planner's tables live in: the provider's default unless a variant says otherwise.</summary>
    public virtual string? Schema => null;

    /// <summary>Configures EF Core's provider for this database.</summary>
    public abstract DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder);

    /// <summary>A new context on this database, with the mapping this fixture's schema was created with.</summary>
    public PlannerDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<PlannerDbContext>();
        Configure(builder);
        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }

        return NewContext(builder.Options);
    }

    /// <summary>A new host-style context (a host entity beside the planner's) on this database.</summary>
    public HostContext CreateHostContext() =>
        new((DbContextOptions<HostContext>)Configure(new DbContextOptionsBuilder<HostContext>()).Options);

    /// <summary>Skips the calling test when this database is not available here.</summary>
    public void SkipIfUnavailable()
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Reads the tables of <see cref="Schema"/> back from the database's catalog.</summary>
    public abstract Task<DatabaseSchema> ReadSchemaAsync(DbConnection connection);

    /// <summary>Reads the tables back on a connection of their own; skips the test when the database is unavailable.</summary>
    public async Task<DatabaseSchema> ReadSchemaAsync()
    {
        SkipIfUnavailable();
        await using var context = CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        return await ReadSchemaAsync(connection);
    }

    /// <summary>What kind of constraint made the database refuse a save, from the provider's error.</summary>
    public abstract ConstraintKind? Violated(DbUpdateException exception);

    /// <inheritdoc />
    public abstract ValueTask InitializeAsync();

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>Creates a context of the planner type this fixture hands out; variants override it.</summary>
    protected virtual PlannerDbContext NewContext(DbContextOptions<PlannerDbContext> options) => new(options);

    /// <summary>
    /// Creates the schema. By default through a host context, so that the planner's tables sit beside a
    /// host's own; variants with other mapping options create it through their own context type.
    /// </summary>
    protected virtual async Task CreateSchemaAsync()
    {
        await using var context = CreateHostContext();
        await context.Database.EnsureCreatedAsync();
    }
}
