using System.Data.Common;
using Planner.Testing.Legacy;

namespace Planner.Cli.Tests;

/// <summary>
/// A fresh legacy database (the three legacy tables, all text) for the tool to work on: the migration
/// tests' <see cref="LegacyDatabase"/> on SQLite or PostgreSQL, seeded with the demo's corpus.
/// </summary>
public sealed class CliDatabase : IAsyncDisposable
{
    private readonly LegacyDatabase _database;

    private CliDatabase(LegacyDatabase database) => _database = database;

    public string Provider => _database.Provider;

    public string ConnectionString => _database.ConnectionString;

    /// <summary>A SQLite file holding the legacy tables.</summary>
    public static async Task<CliDatabase> SqliteAsync() => new(await SqliteLegacyDatabase.CreateAsync());

    /// <summary>A PostgreSQL database holding the legacy tables, or a skipped test when there is no server.</summary>
    public static async Task<CliDatabase> PostgresAsync() => new(await PostgresLegacyDatabase.CreateAsync());

    /// <summary>One of the two, by the CLI's provider name.</summary>
    public static Task<CliDatabase> CreateAsync(string provider) => provider == "postgres" ? PostgresAsync() : SqliteAsync();

    public DbConnection OpenConnection() => _database.OpenConnection();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>The demo's corpus of <paramref name="programs"/> programs, with its templates and goals.</summary>
    public async Task SeedAsync(int programs)
    {
        var corpus = DemoCorpus.Generate(programs);
        await _database.InsertNamedAsync("session_templates", corpus.Templates.Select(t => (t.Id, t.Name)));
        await _database.InsertNamedAsync("goals", corpus.Goals.Select(g => (g.Id, g.Name)));
        await _database.InsertProgramsAsync(corpus.Programs);
    }

    public Task<long> CountAsync(string table) => _database.CountAsync(table);

    /// <summary>
    /// What a run of <paramref name="programs"/> programs stopped mid-way (killed, SIGTERM, Ctrl+C) leaves, whenever
    /// the signal came: how many batches had committed depends on timing, so that count is only bounded (the
    /// first, whose commit the progress line follows, and not the last); what does not depend on it is that
    /// batches are whole: every program of a committed batch has its ledger row (failed ones too), so they come
    /// in multiples of <paramref name="batchSize"/>, and no program has rows without its ledger row. Returns the
    /// ledger's rows.
    /// </summary>
    public async Task<long> AssertStoppedBetweenBatchesAsync(int programs, int batchSize)
    {
        var ledger = await CountAsync("planner_migration_ledger");
        Assert.InRange(ledger, batchSize, programs - batchSize);
        Assert.Equal(0, ledger % batchSize);
        Assert.Equal(0, await ProgramsWithRowsAndNoLedgerRowAsync());
        return ledger;
    }

    /// <summary>Programs that have blocks written but no ledger row: what a batch committed by halves would leave.</summary>
    private async Task<long> ProgramsWithRowsAndNoLedgerRowAsync()
    {
        await using var connection = _database.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT b.program_id) FROM program_blocks b WHERE NOT EXISTS (SELECT 1 FROM planner_migration_ledger l WHERE l.program_id = b.program_id)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every table the migration reads or writes, every row, as text (the ledger without its clock column).</summary>
    public Task<string> DumpAsync() => _database.DumpQueriesAsync(
        "SELECT * FROM programs", "SELECT * FROM session_templates", "SELECT * FROM goals",
        "SELECT * FROM program_blocks", "SELECT * FROM program_days", "SELECT * FROM scheduled_sessions",
        "SELECT * FROM program_goals", "SELECT * FROM block_goals",
        "SELECT program_id, source_hash, converter_version, outcome, rows_hash FROM planner_migration_ledger");
}
