using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using Planner.Migration.Legacy;
using Planner.Model;
using Planner.Model.Scheduling;

namespace Planner.Benchmarks;

/// <summary>
/// The benchmarks' legacy corpus and databases: programs of a year each (a flat week of 4 to 6
/// sessions), their conversion, and a database holding the legacy tables plus Phase 1's.
/// </summary>
/// <remarks>
/// The programs are year-long flat weeks so that every run writes the same, known number of rows; the
/// shapes of <c>LegacyProgramGenerator</c> are measured by the conversion benchmarks.
/// </remarks>
internal static class MigrationCorpus
{
    public static readonly string[] Templates = ["tpl-easy", "tpl-long", "tpl-intervals", "tpl-core", "tpl-tempo"];

    private static readonly string[] Weeks =
    [
        "{\"monday\": \"tpl-easy\", \"wednesday\": [\"tpl-intervals\", \"tpl-core\"], \"saturday\": \"tpl-long\"}",
        "{\"tuesday\": \"tpl-tempo\", \"thursday\": \"tpl-easy\", \"friday\": \"tpl-core\", \"sunday\": [\"tpl-long\", \"tpl-core\"]}",
    ];

    /// <summary>The legacy rows, lazily: <paramref name="count"/> programs of <paramref name="days"/> days.</summary>
    public static IEnumerable<LegacyProgramRow> Programs(int count, int days = 365)
    {
        for (var i = 0; i < count; i++)
        {
            var start = new LocalDate(2024, 1, 1).PlusDays(i % 7);
            yield return new LegacyProgramRow(
                DeterministicIds.Version5(DeterministicIds.PlannerNamespace, "bench-program\n" + i.ToString(CultureInfo.InvariantCulture)).ToString(),
                "Program " + i.ToString(CultureInfo.InvariantCulture),
                LocalDatePattern.Iso.Format(start),
                LocalDatePattern.Iso.Format(start.PlusDays(days - 1)),
                "[\"goal-a\"]",
                Weeks[i % Weeks.Length]);
        }
    }

    /// <summary>A comma-separated list from an environment variable, or <paramref name="fallback"/>.</summary>
    public static string[] Setting(string variable, string fallback) =>
        (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : fallback).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static readonly LegacyConverter Converter = new();

    /// <summary>The real converter's rows for a corpus row (the corpus has no broken rows).</summary>
    public static ProgramConversion Convert(LegacyProgramRow row)
    {
        var conversion = Converter.Convert(row);
        return conversion.HasErrors
            ? throw new InvalidOperationException($"Corpus program {row.Id} did not convert: {conversion.Diagnostics[0]}")
            : conversion;
    }

    public const string LegacyDdl = """
        CREATE TABLE programs (id text PRIMARY KEY, name text NOT NULL, start_date text NULL, end_date text NULL, goal_ids text NULL, weekly_schedule text NULL);
        CREATE TABLE session_templates (id text PRIMARY KEY, name text NOT NULL);
        CREATE TABLE goals (id text PRIMARY KEY, name text NOT NULL)
        """;

    /// <summary>Fills a fresh database with the legacy tables and <paramref name="programs"/> programs, streamed.</summary>
    public static async Task SeedAsync(DbConnection connection, int programs)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var statement in LegacyDdl.Split(';'))
        {
            await Execute(statement);
        }

        foreach (var template in Templates)
        {
            await Execute("INSERT INTO session_templates (id, name) VALUES (@p0, @p1)", template, template);
        }

        await Execute("INSERT INTO goals (id, name) VALUES (@p0, @p1)", "goal-a", "Goal A");
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO programs (id, name, start_date, end_date, goal_ids, weekly_schedule) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)";
        var parameters = Enumerable.Range(0, 6).Select(i =>
        {
            var p = insert.CreateParameter();
            p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            insert.Parameters.Add(p);
            return p;
        }).ToArray();
        foreach (var row in Programs(programs))
        {
            parameters[0].Value = row.Id;
            parameters[1].Value = row.Name;
            parameters[2].Value = row.StartDate;
            parameters[3].Value = row.EndDate;
            parameters[4].Value = row.GoalIds;
            parameters[5].Value = row.WeeklySchedule;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();

        async Task Execute(string sql, params string[] values)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                p.Value = values[i];
                command.Parameters.Add(p);
            }

            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>A benchmark database: a SQLite file (copied fresh from a seeded template) or a PostgreSQL database (truncated).</summary>
internal sealed class MigrationDatabase : IAsyncDisposable
{
    private static readonly string[] NewTables = ["scheduled_sessions", "program_days", "block_goals", "program_goals", "program_blocks", "planner_migration_ledger"];
    private readonly string _template;
    private readonly string _path;
    private readonly string? _postgresName;
    private bool _canCheckpoint = true;

    private MigrationDatabase(string provider, string template, string path, string? postgresName)
    {
        Provider = provider;
        _template = template;
        _path = path;
        _postgresName = postgresName;
    }

    public string Provider { get; }

    public string ConnectionString => Provider == "sqlite"
        ? new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString()
        : new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _postgresName }.ToString();

    private static string ServerConnectionString => Environment.GetEnvironmentVariable("PLANNER_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set PLANNER_TEST_POSTGRES to a PostgreSQL server's connection string to run the PostgreSQL benchmarks.");

    public static async Task<MigrationDatabase> CreateAsync(string provider, int programs)
    {
        var stem = Path.Combine(Path.GetTempPath(), $"planner-bench-{Guid.NewGuid():N}");
        var database = new MigrationDatabase(provider, stem + "-template.db", stem + ".db",
            provider == "postgres" ? $"planner_bench_{Guid.NewGuid():N}" : null);
        if (provider == "postgres")
        {
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database._postgresName}\"", server);
            await create.ExecuteNonQueryAsync();
            await using var connection = database.Open();
            await MigrationCorpus.SeedAsync(connection, programs);
        }
        else
        {
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database._template, Pooling = false }.ToString()))
            {
                await connection.OpenAsync();
                await MigrationCorpus.SeedAsync(connection, programs);
            }

            File.Copy(database._template, database._path, overwrite: true);
        }

        // Phase 1 once, so the template (and every fresh copy) has the new tables, constraints and indexes.
        await new Planner.Migration.Migrating.LegacyMigrator<PlannerDbContext>(database.CreateContext).CreateSchemaAsync();
        if (provider == "sqlite")
        {
            File.Copy(database._path, database._template, overwrite: true);
        }
        else
        {
            // No autovacuum of the tables an iteration fills, so that a worker starting in the middle of one case's
            // iteration cannot slow that case and not the other (both write the same tables).
            await using var connection = database.Open();
            await using var alter = connection.CreateCommand();
            alter.CommandText = string.Join(";\n", NewTables.Select(t => $"ALTER TABLE {t} SET (autovacuum_enabled = false)"));
            await alter.ExecuteNonQueryAsync();
        }

        return database;
    }

    public DbConnection Open(int? commandTimeout = null)
    {
        DbConnection connection = Provider == "sqlite"
            ? new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { ForeignKeys = true }.ToString())
            : new NpgsqlConnection(commandTimeout is { } timeout ? new NpgsqlConnectionStringBuilder(ConnectionString) { CommandTimeout = timeout }.ToString() : ConnectionString);
        connection.Open();
        return connection;
    }

    public PlannerDbContext CreateContext() => new(Provider == "sqlite"
        ? new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite(ConnectionString).Options
        : new DbContextOptionsBuilder<PlannerDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>Back to the legacy tables and empty new tables.</summary>
    public async Task ResetAsync()
    {
        if (Provider == "sqlite")
        {
            File.Copy(_template, _path, overwrite: true);
            return;
        }

        await using var connection = Open();
        await using var truncate = connection.CreateCommand();
        truncate.CommandText = "TRUNCATE " + string.Join(", ", NewTables);
        await truncate.ExecuteNonQueryAsync();

        // Every iteration starts just after a checkpoint, so none pays for one the iteration before it caused, and
        // each writes the same full-page images. It takes the pg_checkpoint role (.ci/postgres.sh grants it).
        if (_canCheckpoint)
        {
            try
            {
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "CHECKPOINT";
                await checkpoint.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                _canCheckpoint = false;
                Console.WriteLine("// no CHECKPOINT before iterations: the role lacks pg_checkpoint");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }

        foreach (var file in new[] { _path, _template })
        {
            File.Delete(file);
        }
    }
}
