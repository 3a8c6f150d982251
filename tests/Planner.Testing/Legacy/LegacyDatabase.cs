using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Planner.Migration.Legacy;
using Planner.Model;
using Planner.Testing.Databases;

namespace Planner.Testing.Legacy;

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
