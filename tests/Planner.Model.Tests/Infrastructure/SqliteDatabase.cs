using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Planner.Model.Tests.Infrastructure;

/// <summary>A fresh SQLite file in the temp folder, deleted afterwards.</summary>
public class SqliteDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"planner-test-{Guid.NewGuid():N}.db");

    /// <inheritdoc />
    public override string Provider => "sqlite";

    /// <inheritdoc />
    public override string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = _path,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <inheritdoc />
    public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) =>
        builder.UseSqlite(ConnectionString);

    /// <inheritdoc />
    public override Task<DatabaseSchema> ReadSchemaAsync(DbConnection connection) => SqliteCatalog.ReadAsync(connection);

    /// <inheritdoc />
    public override ConstraintKind? Violated(DbUpdateException exception) =>
        (exception.InnerException as SqliteException)?.SqliteExtendedErrorCode switch
        {
            1555 or 2067 => ConstraintKind.Unique, // SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE
            275 => ConstraintKind.Check, // SQLITE_CONSTRAINT_CHECK
            787 => ConstraintKind.ForeignKey, // SQLITE_CONSTRAINT_FOREIGNKEY
            1299 => ConstraintKind.NotNull, // SQLITE_CONSTRAINT_NOTNULL
            _ => null,
        };

    /// <inheritdoc />
    public override Task InitializeAsync() => CreateSchemaAsync();

    /// <inheritdoc />
    public override Task DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + "-journal" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
