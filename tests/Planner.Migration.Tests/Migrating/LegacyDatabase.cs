using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Planner.Migration.Legacy;
using Planner.Model;
using Planner.Model.Tests.Infrastructure;

namespace Planner.Migration.Tests.Migrating;

/// <summary>
/// A fresh database holding only the legacy tables, created with raw DDL exactly as
/// <c>docs/legacy-format.md</c> describes them (every column text): what Phase 1 starts from.
/// </summary>
public abstract class LegacyDatabase : IAsyncDisposable
{
    public const string LegacyDdl = """
        CREATE TABLE programs (id text PRIMARY KEY, name text NOT NULL, start_date text NULL, end_date text NULL, goal_ids text NULL, weekly_schedule text NULL);
        CREATE TABLE session_templates (id text PRIMARY KEY, name text NOT NULL);
        CREATE TABLE goals (id text PRIMARY KEY, name text NOT NULL);
        """;

    public static readonly string[] LegacyTables = ["programs", "session_templates", "goals"];

    public static readonly string[] NewTables = ["program_blocks", "program_days", "scheduled_sessions", "program_goals", "block_goals", "planner_migration_ledger"];

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract DbConnection OpenConnection();

    public abstract DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder);

    public PlannerDbContext CreateContext() =>
        new((DbContextOptions<PlannerDbContext>)Configure(new DbContextOptionsBuilder<PlannerDbContext>()).Options);

    public HostContext CreateHostContext() =>
        new((DbContextOptions<HostContext>)Configure(new DbContextOptionsBuilder<HostContext>()).Options);

    public abstract ValueTask DisposeAsync();

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task InsertProgramsAsync(IEnumerable<LegacyProgramRow> rows)
    {
        await using var connection = OpenConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var row in rows)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO programs (id, name, start_date, end_date, goal_ids, weekly_schedule) VALUES (@id, @name, @start, @end, @goals, @weekly)";
            Add(command, "@id", row.Id);
            Add(command, "@name", row.Name);
            Add(command, "@start", row.StartDate);
            Add(command, "@end", row.EndDate);
            Add(command, "@goals", row.GoalIds);
            Add(command, "@weekly", row.WeeklySchedule);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public Task InsertNamedAsync(string table, IEnumerable<string> ids) =>
        InsertNamedAsync(table, ids.Select(id => (id, "Name of " + id)));

    /// <summary>Rows of a legacy table of ids and names (<c>session_templates</c>, <c>goals</c>), in one transaction.</summary>
    public async Task InsertNamedAsync(string table, IEnumerable<(string Id, string Name)> rows)
    {
        await using var connection = OpenConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (id, name) in rows)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} (id, name) VALUES (@id, @name)";
            Add(command, "@id", id);
            Add(command, "@name", name);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Every row of the tables, every column, as text, in a stable order: equal dumps mean equal data.</summary>
    public Task<string> DumpAsync(params string[] tables) => DumpQueriesAsync(tables.Select(t => $"SELECT * FROM {t}").ToArray());

    /// <summary>Every row the queries give, every column, as text, in a stable order (to leave a column out, such as a clock's).</summary>
    public async Task<string> DumpQueriesAsync(params string[] queries)
    {
        var dump = new StringBuilder();
        await using var connection = OpenConnection();
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        row.Append(reader.GetName(i)).Append('=');
                        row.Append(reader.IsDBNull(i) ? "<null>" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) switch
                        {
                            var s when reader.GetValue(i) is DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            var s => s,
                        });
                        row.Append('\u001f');
                    }

                    rows.Add(row.ToString());
                }
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Append("## ").Append(query).Append(' ').Append(rows.Count).Append('\n');
            foreach (var row in rows)
            {
                dump.Append(row).Append('\n');
            }
        }

        return dump.ToString();
    }

    protected async Task CreateLegacyTablesAsync()
    {
        await using var connection = OpenConnection();
        foreach (var statement in LegacyDdl.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static void Add(DbCommand command, string name, string? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}

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

        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }
}
