using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Planner.Testing.Databases;

/// <summary>
/// A fresh database on the PostgreSQL server named by the <c>PLANNER_TEST_POSTGRES</c> connection
/// string, dropped afterwards. Without that variable the tests skip and say why; in CI
/// (<c>CI=true</c>) a missing or unreachable server fails them instead.
/// </summary>
public class PostgresDatabase : TestDatabase
{
    private readonly string _name = $"planner_test_{Guid.NewGuid():N}";
    private string? _skipReason;

    /// <inheritdoc />
    public override string Provider => "postgres";

    /// <inheritdoc />
    public override string? SkipReason => _skipReason;

    /// <inheritdoc />
    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = _name }.ToString();

    /// <inheritdoc />
    public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) =>
        builder.UseNpgsql(ConnectionString);

    /// <inheritdoc />
    public override Task<DatabaseSchema> ReadSchemaAsync(DbConnection connection) => PostgresCatalog.ReadAsync(connection, Schema ?? "public");

    /// <inheritdoc />
    public override ConstraintKind? Violated(DbUpdateException exception) =>
        (exception.InnerException as PostgresException)?.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => ConstraintKind.Unique,
            PostgresErrorCodes.CheckViolation => ConstraintKind.Check,
            PostgresErrorCodes.ForeignKeyViolation => ConstraintKind.ForeignKey,
            PostgresErrorCodes.NotNullViolation => ConstraintKind.NotNull,
            _ => null,
        };

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        _skipReason = PostgresServer.Unavailable();
        if (_skipReason is not null)
        {
            return;
        }

        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{_name}\"");
        await CreateSchemaAsync();
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (_skipReason is null)
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.DropDatabaseAsync(_name);
        }
    }
}
