using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;
using Planner.Model;

namespace Planner.Benchmarks;

/// <summary>
/// How fast does the migrator write a corpus of year-long programs, against the fastest raw way to
/// insert the same rows: SQLite's prepared INSERT in one transaction, PostgreSQL's binary COPY?
/// </summary>
/// <remarks>
/// The migrator's time includes everything a real run does: paging the programs, converting them,
/// checking template and goal ids, hashing, re-reading the source in the write transaction, the ledger.
/// The baseline only inserts rows converted beforehand. Rows per second = rows / mean (the setup prints the rows).
/// Both write into the same schema under the same checks: the baseline's SQLite connection enforces foreign keys,
/// as EF Core's connection does for the migrator (PostgreSQL always does); on PostgreSQL, autovacuum is off for
/// the tables an iteration fills and every iteration starts after a CHECKPOINT, in both cases, so that neither a
/// worker nor a checkpoint the iteration before caused can slow one case only.
/// </remarks>
/// <remarks>
/// 1,000 and 10,000 programs: the time per program should not grow with the number of programs (the
/// ids of a block's rows are ordered, so each block's rows land together in every index). Each case runs
/// in its own process; only the baseline's holds the converted rows in memory. One warm-up, three
/// iterations: a 10,000-program iteration writes 6.7 M rows.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class MigrationBenchmarks
{
    private MigrationDatabase _database = null!;
    private List<ProgramConversion> _converted = null!;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    [ParamsSource(nameof(Sizes))]
    public int Programs { get; set; }

    /// <summary>Both databases, or those PLANNER_BENCH_PROVIDERS names (<c>postgres</c>, say, to run one).</summary>
    public static IEnumerable<string> Providers => MigrationCorpus.Setting("PLANNER_BENCH_PROVIDERS", "sqlite,postgres");

    /// <summary>1,000 and 10,000 programs, or the sizes PLANNER_BENCH_PROGRAMS lists (<c>10000</c>, say).</summary>
    public static IEnumerable<int> Sizes => MigrationCorpus.Setting("PLANNER_BENCH_PROGRAMS", "1000,10000").Select(s => int.Parse(s, CultureInfo.InvariantCulture));

    [Params(500)]
    public int BatchSize { get; set; }

    [GlobalSetup(Targets = [nameof(Migrator), nameof(ConvertOnly)])]
    public async Task SetupAsync() => _database = await MigrationDatabase.CreateAsync(Provider, Programs);

    /// <summary>The baseline also needs the rows, converted beforehand (with the same ids the migrator writes).</summary>
    [GlobalSetup(Target = nameof(RawBulkInsert))]
    public async Task SetupBaselineAsync()
    {
        await SetupAsync();
        _converted = MigrationCorpus.Programs(Programs).Select(MigrationCorpus.Convert).ToList();
        var rows = _converted.Sum(c => c.Blocks.Count + c.Days.Count + c.Sessions.Count + c.ProgramGoalIds.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// rows per run: {rows} ({Programs} programs)"));
    }

    [IterationSetup]
    public void Reset() => _database.ResetAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task CleanupAsync() => await _database.DisposeAsync();

    [Benchmark]
    public async Task<long> Migrator()
    {
        var migrator = new LegacyMigrator<PlannerDbContext>(_database.CreateContext, new LegacyMigrationOptions { BatchSize = BatchSize }, null, MigrationCorpus.Convert);
        var report = await migrator.MigrateAsync();
        if (report.Migrated != Programs)
        {
            throw new InvalidOperationException($"migrated {report.Migrated} of {Programs}: {(report.Failures.Count > 0 ? report.Failures[0].Diagnostics[0].Message : null)}");
        }

        return report.Rows.Values.Sum();
    }

    /// <summary>The conversion alone (no database): how much of <see cref="Migrator"/> is the converter's, not the writer's.</summary>
    [Benchmark]
    public long ConvertOnly()
    {
        long rows = 0;
        foreach (var row in MigrationCorpus.Programs(Programs))
        {
            var conversion = MigrationCorpus.Convert(row);
            rows += conversion.Days.Count + conversion.Sessions.Count;
        }

        return rows;
    }

    [Benchmark(Baseline = true)]
    public async Task<long> RawBulkInsert() => Provider == "sqlite" ? await SqliteInsertAsync() : await PostgresCopyAsync();

    private async Task<long> SqliteInsertAsync()
    {
        await using var connection = (SqliteConnection)_database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        long rows = 0;
        var blocks = Prepare("INSERT INTO program_blocks (id, color, end_date, legacy_id, name, position, program_id, start_date) VALUES ($0, $1, $2, $3, $4, $5, $6, $7)", 8);
        var days = Prepare("INSERT INTO program_days (id, block_id, concurrency_stamp, date, name, notes, readiness) VALUES ($0, $1, $2, $3, $4, $5, $6)", 7);
        var sessions = Prepare("INSERT INTO scheduled_sessions (id, completion_data, concurrency_stamp, day_id, is_completed, notes, position, session_template_id, slot) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)", 9);
        var goals = Prepare("INSERT INTO program_goals (program_id, goal_id) VALUES ($0, $1)", 2);
        foreach (var c in _converted)
        {
            foreach (var b in c.Blocks)
            {
                rows += Run(blocks, b.Id, b.Color, Iso(b.EndDate), b.LegacyId, b.Name, b.Position, b.ProgramId, Iso(b.StartDate));
            }

            foreach (var d in c.Days)
            {
                rows += Run(days, d.Id, d.BlockId, d.ConcurrencyStamp, Iso(d.Date), d.Name, d.Notes, d.Readiness);
            }

            foreach (var s in c.Sessions)
            {
                rows += Run(sessions, s.Id, s.CompletionData, s.ConcurrencyStamp, s.DayId, s.IsCompleted, s.Notes, s.Position, s.SessionTemplateId, s.Slot);
            }

            foreach (var g in c.ProgramGoalIds)
            {
                rows += Run(goals, c.ProgramId, g);
            }
        }

        await transaction.CommitAsync();
        return rows;

        SqliteCommand Prepare(string sql, int parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
            }

            command.Prepare();
            return command;
        }

        static int Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            return command.ExecuteNonQuery();
        }
    }

    private async Task<long> PostgresCopyAsync()
    {
        // No command timeout: completing a COPY of 6 M rows waits on the server for longer than the default 30 s.
        await using var connection = (NpgsqlConnection)_database.Open(commandTimeout: 0);
        await using var transaction = await connection.BeginTransactionAsync();
        long rows = 0;
        await using (var blocks = await connection.BeginBinaryImportAsync("COPY program_blocks (id, color, end_date, legacy_id, name, position, program_id, start_date) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var b in _converted.SelectMany(c => c.Blocks))
            {
                await blocks.StartRowAsync();
                await blocks.WriteAsync(b.Id, NpgsqlDbType.Varchar);
                await WriteNullable(blocks, b.Color);
                await blocks.WriteAsync(b.EndDate.ToDateOnly(), NpgsqlDbType.Date);
                await WriteNullable(blocks, b.LegacyId);
                await blocks.WriteAsync(b.Name, NpgsqlDbType.Text);
                await blocks.WriteAsync(b.Position, NpgsqlDbType.Integer);
                await blocks.WriteAsync(b.ProgramId, NpgsqlDbType.Varchar);
                await blocks.WriteAsync(b.StartDate.ToDateOnly(), NpgsqlDbType.Date);
                rows++;
            }

            await blocks.CompleteAsync();
        }

        await using (var days = await connection.BeginBinaryImportAsync("COPY program_days (id, block_id, concurrency_stamp, date, name, notes, readiness) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in _converted.SelectMany(c => c.Days))
            {
                await days.StartRowAsync();
                await days.WriteAsync(d.Id, NpgsqlDbType.Varchar);
                await days.WriteAsync(d.BlockId, NpgsqlDbType.Varchar);
                await days.WriteAsync(d.ConcurrencyStamp, NpgsqlDbType.Varchar);
                await days.WriteAsync(d.Date.ToDateOnly(), NpgsqlDbType.Date);
                await WriteNullable(days, d.Name);
                await WriteNullable(days, d.Notes);
                if (d.Readiness is { } readiness)
                {
                    await days.WriteAsync(readiness, NpgsqlDbType.Integer);
                }
                else
                {
                    await days.WriteNullAsync();
                }

                rows++;
            }

            await days.CompleteAsync();
        }

        await using (var sessions = await connection.BeginBinaryImportAsync("COPY scheduled_sessions (id, completion_data, concurrency_stamp, day_id, is_completed, notes, position, session_template_id, slot) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in _converted.SelectMany(c => c.Sessions))
            {
                await sessions.StartRowAsync();
                await sessions.WriteAsync(s.Id, NpgsqlDbType.Varchar);
                await WriteNullable(sessions, s.CompletionData);
                await sessions.WriteAsync(s.ConcurrencyStamp, NpgsqlDbType.Varchar);
                await sessions.WriteAsync(s.DayId, NpgsqlDbType.Varchar);
                await sessions.WriteAsync(s.IsCompleted, NpgsqlDbType.Boolean);
                await WriteNullable(sessions, s.Notes);
                await sessions.WriteAsync(s.Position, NpgsqlDbType.Integer);
                await sessions.WriteAsync(s.SessionTemplateId, NpgsqlDbType.Varchar);
                await WriteNullable(sessions, s.Slot);
                rows++;
            }

            await sessions.CompleteAsync();
        }

        await using (var goals = await connection.BeginBinaryImportAsync("COPY program_goals (program_id, goal_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in _converted)
            {
                foreach (var g in c.ProgramGoalIds)
                {
                    await goals.StartRowAsync();
                    await goals.WriteAsync(c.ProgramId, NpgsqlDbType.Varchar);
                    await goals.WriteAsync(g, NpgsqlDbType.Varchar);
                    rows++;
                }
            }

            await goals.CompleteAsync();
        }

        await transaction.CommitAsync();
        return rows;

        static Task WriteNullable(NpgsqlBinaryImporter importer, string? value) =>
            value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, NpgsqlDbType.Text);
    }

    private static string Iso(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Does the migrator's memory stay flat in the number of programs? One migration of 1,000 and of
/// 10,000 year-long programs into SQLite and PostgreSQL, each in its own process; the cleanup prints the process's
/// peak working set beside BenchmarkDotNet's allocation figures.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class MigrationMemoryBenchmarks
{
    private MigrationDatabase _database = null!;
    private long _peakBefore;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    [ParamsSource(nameof(Sizes))]
    public int Programs { get; set; }

    public static IEnumerable<string> Providers => MigrationBenchmarks.Providers;

    public static IEnumerable<int> Sizes => MigrationBenchmarks.Sizes;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = await MigrationDatabase.CreateAsync(Provider, Programs);
        GC.Collect();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        _peakBefore = process.PeakWorkingSet64;
    }

    [IterationSetup]
    public void Reset() => _database.ResetAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MiB after the migration of {Programs} programs into {Provider} ({_peakBefore / (1024 * 1024)} MiB after setup)"));
        await _database.DisposeAsync();
    }

    [Benchmark]
    public async Task<long> Migrator()
    {
        var migrator = new LegacyMigrator<PlannerDbContext>(_database.CreateContext, new LegacyMigrationOptions { BatchSize = 100 }, null, MigrationCorpus.Convert);
        return (await migrator.MigrateAsync()).Migrated;
    }
}
