using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Planner.Testing.Databases;

namespace Planner.Testing.Legacy;

/// <summary>
/// A legacy database in a fresh database on the <see cref="PostgresServer"/>, dropped afterwards; without a
/// server the test that asks for one skips and says why (in CI it fails).
/// </summary>
public sealed class PostgresLegacyDatabase : LegacyDatabase
{
    private readonly string _name = $"planner_migration_{Guid.NewGuid():N}";

    private PostgresLegacyDatabase()
    {
    }

    public override string Provider => "postgres";

    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = _name }.ToString();

    /// <summary>A fresh database, or a skipped test when there is no server.</summary>
    /// <param name="options">Extra CREATE DATABASE options (a collation, say).</param>
    public static async Task<PostgresLegacyDatabase> CreateAsync(string options = "")
    {
        PostgresServer.SkipIfUnavailable();
        var database = new PostgresLegacyDatabase();
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{database._name}\" {options}");
        await database.CreateLegacyTablesAsync();
        return database;
    }

    public override DbConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(ConnectionString);

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await PostgresServer.DropDatabaseAsync(_name);
    }
}
