using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Planner.Testing.Legacy;

/// <summary>A legacy database in a fresh SQLite file in the temp folder, deleted afterwards.</summary>
public sealed class SqliteLegacyDatabase : LegacyDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"planner-migration-{Guid.NewGuid():N}.db");

    private SqliteLegacyDatabase()
    {
    }

    public string FilePath => _path;

    public override string Provider => "sqlite";

    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false, DefaultTimeout = 60 }.ToString();

    public static async Task<SqliteLegacyDatabase> CreateAsync()
    {
        var database = new SqliteLegacyDatabase();
        await database.CreateLegacyTablesAsync();
        return database;
    }

    public override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) => builder.UseSqlite(ConnectionString);

    public override ValueTask DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + "-journal" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
