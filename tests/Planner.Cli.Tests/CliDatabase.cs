using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Planner.Model.Tests.Infrastructure;

namespace Planner.Cli.Tests;

/// <summary>A fresh legacy database (the three legacy tables, all text) for the tool to work on.</summary>
public abstract class CliDatabase : IAsyncDisposable
{
    private const string LegacyDdl = """
        CREATE TABLE programs (id text PRIMARY KEY, name text NOT NULL, start_date text NULL, end_date text NULL, goal_ids text NULL, weekly_schedule text NULL);
        CREATE TABLE session_templates (id text PRIMARY KEY, name text NOT NULL);
        CREATE TABLE goals (id text PRIMARY KEY, name text NOT NULL)
        """;

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract DbConnection OpenConnection();

    public abstract ValueTask DisposeAsync();

    /// <summary>The legacy tables, with the demo's corpus of <paramref name="programs"/> programs.</summary>
    public async Task SeedAsync(int programs)
    {
        var corpus = DemoCorpus.Generate(programs);
        await using var connection = OpenConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var statement in LegacyDdl.Split(';'))
        {
            await Execute(statement);
        }

        foreach (var row in corpus.Templates)
        {
            await Execute("INSERT INTO session_templates (id, name) VALUES (@p0, @p1)", row.Id, row.Name);
        }

        foreach (var row in corpus.Goals)
        {
            await Execute("INSERT INTO goals (id, name) VALUES (@p0, @p1)", row.Id, row.Name);
        }

        foreach (var row in corpus.Programs)
        {
            await Execute("INSERT INTO programs (id, name, start_date, end_date, goal_ids, weekly_schedule) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
                row.Id, row.Name, row.StartDate, row.EndDate, row.GoalIds, row.WeeklySchedule);
        }

        await transaction.CommitAsync();

        async Task Execute(string sql, params string?[] values)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameter.Value = (object?)values[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every table the migration reads or writes, every row, as text (the ledger without its clock column).</summary>
    public async Task<string> DumpAsync()
    {
        var queries = new[]
        {
            "SELECT * FROM programs", "SELECT * FROM session_templates", "SELECT * FROM goals",
            "SELECT * FROM program_blocks", "SELECT * FROM program_days", "SELECT * FROM scheduled_sessions",
            "SELECT * FROM program_goals", "SELECT * FROM block_goals",
            "SELECT program_id, source_hash, converter_version, outcome, rows_hash FROM planner_migration_ledger",
        };
        var dump = new StringBuilder();
        await using var connection = OpenConnection();
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i)
                    ? "<null>"
                    : reader.GetValue(i) is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Append("## ").Append(query).Append(' ').Append(rows.Count).Append('\n').AppendJoin('\n', rows).Append('\n');
        }

        return dump.ToString();
    }
}

public sealed class SqliteCliDatabase : CliDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"planner-cli-{Guid.NewGuid():N}.db");

    public override string Provider => "sqlite";

    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString();

    public override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override ValueTask DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + "-journal" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresCliDatabase : CliDatabase
{
    private readonly string _name = $"planner_cli_{Guid.NewGuid():N}";

    private PostgresCliDatabase()
    {
    }

    public override string Provider => "postgres";

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = _name }.ToString();

    public static async Task<PostgresCliDatabase> CreateAsync()
    {
        var problem = PostgresServer.Unavailable();
        Skip.If(problem is not null, problem);
        var database = new PostgresCliDatabase();
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public override DbConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }
}
