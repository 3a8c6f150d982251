using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Planner.Model.Tests.Infrastructure;

/// <summary>A fresh SQLite file in the temp folder, deleted afterwards.</summary>
public sealed class SqliteDatabase : TestDatabase
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
