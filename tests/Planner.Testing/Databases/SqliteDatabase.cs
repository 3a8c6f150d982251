using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Planner.Testing.Databases;

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
        exception.InnerException is SqliteException { SqliteErrorCode: 19 } error // SQLITE_CONSTRAINT
            ? error.Message switch
            {
                // SQLite names the failed constraint's kind in the message; the extended codes are not set
                // for every kind (a RESTRICT on delete reports plain SQLITE_CONSTRAINT).
                var m when m.Contains("UNIQUE constraint failed", StringComparison.Ordinal) => ConstraintKind.Unique,
                var m when m.Contains("CHECK constraint failed", StringComparison.Ordinal) => ConstraintKind.Check,
                var m when m.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal) => ConstraintKind.ForeignKey,
                var m when m.Contains("NOT NULL constraint failed", StringComparison.Ordinal) => ConstraintKind.NotNull,
                _ => null,
            }
            : null;

    /// <inheritdoc />
    public override async ValueTask InitializeAsync() => await CreateSchemaAsync();

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + "-journal" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
