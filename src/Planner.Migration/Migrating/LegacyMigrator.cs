using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime.Text;
using Planner.Migration.Legacy;
using Planner.Model;

namespace Planner.Migration.Migrating;

/// <summary>
/// Moves a database from the legacy <c>programs.weekly_schedule</c> JSON to the planner's tables, through
/// the host's own <see cref="DbContext"/> (any context whose model calls <c>ApplyPlannerModel()</c>):
/// Phase 1 (<see cref="CreateSchemaAsync"/>) creates the missing tables, Phase 2 (<see cref="MigrateAsync"/>)
/// converts and writes every program not yet migrated, and <see cref="VerifyAsync"/> checks the result.
/// </summary>
/// <remarks>
/// <para>
/// Phase 2 is resumable and crash-safe: each program's rows and its ledger row
/// (<c>planner_migration_ledger</c>) commit together, so a run stopped at any moment and run again ends
/// with the rows of a run never stopped. A rerun skips programs migrated from the same legacy text; a
/// program whose text changed is migrated again only if its rows are still exactly what the migration
/// wrote; if its rows changed too, it is left alone, counted in <see cref="MigrationReport.LeftAlone"/>
/// with a <see cref="MigrationCodes.DualWritten"/> warning when its text is exactly what the planning API's
/// dual writes make from those rows, and otherwise reported (<see cref="MigrationCodes.RowsChanged"/>). A program
/// with rows in the new tables and no ledger row saying it was migrated got them from someone else (the
/// planning API, the host): it is never touched, and counted in <see cref="MigrationReport.LeftAlone"/>
/// with a <see cref="MigrationCodes.RowsExist"/> warning.
/// </para>
/// <para>
/// Programs stream in key order, one batch at a time (keyset pagination): memory does not grow with the
/// number of programs. Two migrators on one database take turns per batch (SQLite's write lock,
/// PostgreSQL's advisory lock) and re-read the ledger inside their transaction, so they end with the rows
/// of one run.
/// </para>
/// </remarks>
/// <typeparam name="TContext">The host's context type.</typeparam>
public sealed class LegacyMigrator<TContext>
    where TContext : DbContext
{
    private static readonly Action<ILogger, long, long, long, long, long, Exception?> LogBatch = LoggerMessage.Define<long, long, long, long, long>(
        LogLevel.Information, new EventId(1, "MigrationBatch"), "Migrated {Migrated}, already migrated {AlreadyMigrated}, left alone {LeftAlone}, failed {Failed} of {Total} programs");

    private static readonly Action<ILogger, string, string, Exception?> LogFailure = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(2, "ProgramFailed"), "Program {ProgramId} failed: {Reason}");

    private static readonly Action<ILogger, string, Exception?> LogSchema = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(3, "SchemaCreated"), "Phase 1 created: {Objects}");

    private static readonly Action<ILogger, string, Exception?> LogLeftAlone = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(4, "ProgramLeftAlone"), "Program {ProgramId} left as it is: it has rows in the new tables that the migration did not write");

    private static readonly Action<ILogger, string, Exception?> LogDualWritten = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(5, "ProgramDualWritten"), "Program {ProgramId} left as it is: it was edited through the planning API since it was migrated, and its legacy text is what dual writes made from its rows");

    private readonly Func<TContext> _createContext;
    private readonly LegacyMigrationOptions _options;
    private readonly ILogger _logger;
    private readonly Func<LegacyProgramRow, ProgramConversion> _convert;

    /// <summary>Creates a migrator.</summary>
    /// <param name="createContext">Makes a new context on the database to migrate (a relational one: every call on a context whose provider is not, such as EF Core InMemory, throws <see cref="InvalidOperationException"/>); the migrator disposes it.</param>
    /// <param name="options">How to run; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Where progress and failures are logged; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="createContext"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public LegacyMigrator(Func<TContext> createContext, LegacyMigrationOptions? options = null, ILogger? logger = null)
        : this(createContext, options, logger, convert: null)
    {
    }

    /// <summary>Creates a migrator with another converter: a seam for tests that need a converter to throw or to differ.</summary>
    internal LegacyMigrator(
        Func<TContext> createContext,
        LegacyMigrationOptions? options,
        ILogger? logger,
        Func<LegacyProgramRow, ProgramConversion>? convert)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        _createContext = () => RelationalOnly(createContext());
        _options = options ?? new LegacyMigrationOptions();
        _options.Validate();
        _logger = logger ?? NullLogger.Instance;
        _convert = convert ?? new LegacyConverter(_options.Converter).Convert;
    }

    /// <summary>
    /// The migrator writes SQL of its own, so every call refuses a provider that is not relational (EF Core
    /// InMemory, which suits a host's unit tests of the planning API) before it starts, rather than failing deep
    /// inside with a dependency-injection error.
    /// </summary>
    private static TContext RelationalOnly(TContext context)
    {
        if (context.Database.IsRelational())
        {
            return context;
        }

        var provider = context.Database.ProviderName;
        context.Dispose();
        throw new InvalidOperationException(
            $"The legacy migrator needs a relational database such as SQLite or PostgreSQL (or SQL Server); the context's provider '{provider}' is not relational.");
    }

    /// <summary>Test hook: called at the points a crash is injected; throw from it to simulate one.</summary>
    internal Action<MigrationFaultPoint, int>? Fault { get; set; }

    /// <summary>Test hook: called with a batch's program ids after they are converted, before their write transaction.</summary>
    internal Func<IReadOnlyList<string>, Task>? BeforeWrite { get; set; }

    /// <summary>
    /// Phase 1: creates the planner's tables, constraints and indexes that the database lacks, and the
    /// migration ledger. Idempotent; never alters an existing table (the legacy ones included), and never
    /// creates a table of the host's own entities in the context's model: those are its migrations' to create.
    /// </summary>
    /// <param name="cancellationToken">Cancels before the schema changes commit.</param>
    /// <returns>What was created.</returns>
    /// <exception cref="InvalidOperationException">The database has no <c>programs</c> table: it is not a legacy database.</exception>
    /// <exception cref="System.Data.Common.DbException">The database cannot be reached or refuses the DDL.</exception>
    public async Task<SchemaChanges> CreateSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var context = _createContext();
        var changes = await PlannerSchema.EnsureCreatedAsync(context, cancellationToken).ConfigureAwait(false);
        if (!changes.IsEmpty)
        {
            LogSchema(_logger, string.Join(", ", changes.CreatedTables.Concat(changes.CreatedIndexes)), null);
        }

        return changes;
    }

    /// <summary>
    /// Phase 2: converts every program not yet migrated and writes its rows. Call
    /// <see cref="CreateSchemaAsync"/> first (a dry run works without it).
    /// </summary>
    /// <param name="progress">Told after each batch; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Ends the run after the programs in flight; a rerun resumes.</param>
    /// <returns>What the run did; <see cref="MigrationReport.Cancelled"/> says whether it was cut short.</returns>
    /// <exception cref="DbException">The database cannot be reached or refuses the run as a whole.</exception>
    /// <exception cref="InvalidOperationException">The database has no <c>programs</c> table, or (outside a dry run) no ledger: Phase 1 has not run.</exception>
    public async Task<MigrationReport> MigrateAsync(IProgress<MigrationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var context = _createContext();
        var tables = PlannerTables.For(context);
        var report = new MigrationReport(_options.DryRun, tables.WrittenTables.Select(t => t.Name));
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = context.Database.GetDbConnection();
            var source = new LegacySource(tables, connection);
            if (tables.IsSqlite)
            {
                // Another migrator's write lock is waited for, not failed on.
                await source.ExecuteAsync(
                    $"PRAGMA busy_timeout = {(long)_options.SqliteBusyTimeout.TotalMilliseconds}", cancellationToken).ConfigureAwait(false);
            }

            var existing = await PlannerSchema.ExistingTablesAsync(tables, connection, null, cancellationToken).ConfigureAwait(false);
            if (!existing.Contains(tables.Programs.Name))
            {
                throw new InvalidOperationException($"The database has no '{tables.Programs.Name}' table: there is nothing to migrate, is this the right database?");
            }

            var hasLedger = existing.Contains(tables.Ledger.Name);
            if (!hasLedger && !_options.DryRun)
            {
                throw new InvalidOperationException(
                    $"The ledger table {tables.Ledger.Name} is missing: run Phase 1 (CreateSchemaAsync) before Phase 2.");
            }

            report.Total = await source.CountProgramsAsync(cancellationToken).ConfigureAwait(false);
            await using var writer = RowWriter.For(context, tables);
            var run = new Run(this, context, tables, source, writer, report, hasLedger, RowTables(tables, existing));

            // A pipeline of two batches: while one is written, the next one is converted and hashed on another thread
            // (CPU work that needs no connection). Every database call stays on this thread, one at a time.
            var batch = await run.SelectAsync(null, cancellationToken).ConfigureAwait(false);
            Batch? next = null;
            try
            {
                while (batch is not null && !cancellationToken.IsCancellationRequested)
                {
                    await run.CheckReferencesAsync(batch).ConfigureAwait(false);
                    next = cancellationToken.IsCancellationRequested
                        ? null
                        : await run.SelectAsync(batch.Last, cancellationToken).ConfigureAwait(false);
                    await run.WriteBatchAsync(batch).ConfigureAwait(false);
                    (batch, next) = (next, null);
                    progress?.Report(report.Progress);
                    LogBatch(_logger, report.Migrated, report.AlreadyMigrated, report.LeftAlone, report.Failed, report.Total, null);
                }
            }
            finally
            {
                // A batch selected but not written (the run was cancelled, or stopped by a database problem): its
                // conversion is waited for, so nothing runs on after the call returns.
                foreach (var unwritten in new[] { batch, next })
                {
                    if (unwritten is not null)
                    {
                        await unwritten.Conversion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                }
            }

            report.Cancelled = cancellationToken.IsCancellationRequested;
            return report;
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Converts every migrated program's legacy text again and compares it with the rows in the tables.
    /// </summary>
    /// <param name="cancellationToken">Stops the comparison.</param>
    /// <returns>Every difference (table, key, column, expected, actual).</returns>
    /// <exception cref="DbException">The database cannot be reached.</exception>
    /// <exception cref="InvalidOperationException">Nothing has been migrated in this database (no ledger).</exception>
    public async Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var context = _createContext();
        var tables = PlannerTables.For(context);
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = context.Database.GetDbConnection();
            var existing = await PlannerSchema.ExistingTablesAsync(tables, connection, null, cancellationToken).ConfigureAwait(false);
            if (!existing.Contains(tables.Ledger.Name))
            {
                throw new InvalidOperationException($"Nothing has been migrated in this database yet (it has no '{tables.Ledger.Name}' table): run the migration first.");
            }

            var source = new LegacySource(tables, connection);
            var differences = new List<RowDifference>();
            long checkedPrograms = 0;
            long dualWritten = 0;
            string? after = null;
            while (true)
            {
                var page = await source.ReadMigratedLedgerPageAsync(after, _options.BatchSize, cancellationToken).ConfigureAwait(false);
                if (page.Count == 0)
                {
                    break;
                }

                var programs = await source.ReadRangeAsync(page[0].ProgramId, page[^1].ProgramId, cancellationToken).ConfigureAwait(false);
                foreach (var entry in page)
                {
                    var actual = await ProgramRows.ReadAsync(context, entry.ProgramId, cancellationToken).ConfigureAwait(false);
                    if (!programs.TryGetValue(entry.ProgramId, out var row))
                    {
                        checkedPrograms++;
                        differences.Add(new RowDifference(entry.ProgramId, tables.Programs.Name, entry.ProgramId, "*", "row", null));
                        continue;
                    }

                    var sourceChanged = SourceHash.Of(row) != entry.SourceHash;
                    var conversion = SafeConvert(row, out var failure);
                    if (sourceChanged && conversion is { HasErrors: false } && actual.Hash(tables) != entry.RowsHash && DualWrittenText.Matches(row, actual, conversion.ProgramGoalIds))
                    {
                        // Edited through the planning API since, with the text written from the rows: the rows are the
                        // truth now, and a rerun of migrate leaves the program alone (dual-written). Counted, not compared.
                        dualWritten++;
                        continue;
                    }

                    checkedPrograms++;
                    if (sourceChanged)
                    {
                        // The legacy text changed after the migration: a rerun of migrate is due.
                        differences.Add(new RowDifference(entry.ProgramId, tables.Programs.Name, entry.ProgramId, "source_hash", entry.SourceHash, SourceHash.Of(row)));
                    }

                    if (conversion is null || conversion.HasErrors)
                    {
                        var reason = failure ?? string.Join("; ", conversion!.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{d.Code} at {d.Path}"));
                        differences.Add(new RowDifference(entry.ProgramId, tables.Programs.Name, entry.ProgramId, "weekly_schedule", "a convertible program", reason));
                        continue;
                    }

                    differences.AddRange(Compare(entry.ProgramId, ProgramRows.From(conversion).Images(tables), actual.Images(tables)));
                }

                after = page[^1].ProgramId;
            }

            // Programs the migration never wrote (the planning API's, the host's) are not compared, only counted.
            var leftAlone = await source.CountProgramsWithRowsNotMigratedAsync(RowTables(tables, existing), hasLedger: true, cancellationToken).ConfigureAwait(false);
            return new VerificationReport(checkedPrograms, differences) { ProgramsLeftAlone = leftAlone + dualWritten };
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The tables whose rows belong to a program directly (blocks, program goal links) that the database has.</summary>
    private static ITableMap[] RowTables(PlannerTables tables, HashSet<string> existing) =>
        new ITableMap[] { tables.Blocks, tables.ProgramGoals }.Where(t => existing.Contains(t.Name)).ToArray();

    private static IEnumerable<RowDifference> Compare(string programId, IReadOnlyList<RowImage> expected, IReadOnlyList<RowImage> actual)
    {
        var actualByKey = actual.ToDictionary(r => (r.Table, r.Key));
        var expectedKeys = new HashSet<(string, string)>();
        foreach (var row in expected)
        {
            expectedKeys.Add((row.Table, row.Key));
            if (!actualByKey.TryGetValue((row.Table, row.Key), out var found))
            {
                yield return new RowDifference(programId, row.Table, row.Key, "*", "row", null);
                continue;
            }

            for (var i = 0; i < row.Values.Count; i++)
            {
                var (column, value) = row.Values[i];
                var other = found.Values[i].Value;
                if (!string.Equals(value, other, StringComparison.Ordinal))
                {
                    yield return new RowDifference(programId, row.Table, row.Key, column, value, other);
                }
            }
        }

        foreach (var row in actual.Where(r => !expectedKeys.Contains((r.Table, r.Key))))
        {
            yield return new RowDifference(programId, row.Table, row.Key, "*", null, "row");
        }
    }

    private ProgramConversion? SafeConvert(LegacyProgramRow row, out string? failure)
    {
        try
        {
            failure = null;
            return _convert(row);
        }
#pragma warning disable CA1031 // A converter bug on one program must not stop the others; it is reported with that program.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            failure = $"the converter failed: {e.GetType().Name}: {e.Message}";
            return null;
        }
    }

    /// <summary>One program on its way through a batch.</summary>
    private sealed class Work(LegacyProgramRow row)
    {
        public LegacyProgramRow Row { get; set; } = row;

        public string Hash { get; set; } = SourceHash.Of(row);

        public List<LegacyDiagnostic> Diagnostics { get; } = [];

        public ProgramRows Rows { get; set; } = ProgramRows.From(Empty(row.Id));

        /// <summary>The hash of <see cref="Rows"/> as converted, computed with the conversion.</summary>
        public string? RowsHash { get; set; }

        public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

        public static ProgramConversion Empty(string id) => new(id, [], [], [], [], [], []);
    }

    /// <summary>A page of programs on its way: those to convert, what was found of the others, and the conversion running.</summary>
    private sealed record Batch(string Last, List<Work> Works, List<Action> Outcomes, Task Conversion);

    /// <summary>The state of one <see cref="MigrateAsync"/> call.</summary>
    private sealed class Run(
        LegacyMigrator<TContext> migrator,
        TContext context,
        PlannerTables tables,
        LegacySource source,
        RowWriter writer,
        MigrationReport report,
        bool hasLedger,
        IReadOnlyList<ITableMap> rowTables)
    {
        private readonly LegacyMigrationOptions _options = migrator._options;
        private int _committed;

        /// <summary>
        /// Reads the page of programs after <paramref name="after"/> and picks those to convert (not migrated from the
        /// same text, no rows the migration did not write), and starts their conversion on another thread. What it
        /// finds is counted when the batch is written, so progress stays per batch. Null at the end of the programs.
        /// </summary>
        public async Task<Batch?> SelectAsync(string? after, CancellationToken cancellationToken)
        {
            var page = await source.ReadPageAsync(after, _options.BatchSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return null;
            }

            var ledger = hasLedger
                ? await source.ReadLedgerAsync(page[0].Id, page[^1].Id, cancellationToken).ConfigureAwait(false)
                : [];
            var outcomes = new List<Action>();
            var pending = new List<Work>();
            foreach (var row in page)
            {
                var work = new Work(row);
                if (ledger.TryGetValue(row.Id, out var entry) && IsCurrent(entry, work))
                {
                    outcomes.Add(() => report.AlreadyMigrated++);
                    continue;
                }

                pending.Add(work);
            }

            // Programs with rows the migration did not write are not converted at all. One query for the batch;
            // the write transaction asks again, in case rows appeared since.
            var withRows = await source.ProgramsWithRowsNotMigratedAsync(
                pending.Select(w => w.Row.Id).ToArray(), rowTables, hasLedger, CancellationToken.None).ConfigureAwait(false);
            foreach (var work in pending.Where(w => withRows.Contains(w.Row.Id)))
            {
                outcomes.Add(() => LeaveAlone(work));
            }

            pending.RemoveAll(w => withRows.Contains(w.Row.Id));
            // The first batch has no write to hide behind: its conversion is shared among the cores. Later batches
            // convert on one thread, beside the write of the batch before.
            var conversion = after is null && pending.Count > 1
                ? Task.Run(() => Parallel.ForEach(pending.Chunk(Math.Max(1, pending.Count / (4 * Environment.ProcessorCount))), chunk => Convert(chunk)))
                : Task.Run(() => Convert(pending), CancellationToken.None);
            return new Batch(page[^1].Id, pending, outcomes, conversion);
        }

        /// <summary>Waits for the batch's conversion, then checks its template and goal ids against the database.</summary>
        public async Task CheckReferencesAsync(Batch batch)
        {
            await batch.Conversion.ConfigureAwait(false);
            await CheckReferencesAsync(batch.Works).ConfigureAwait(false);
        }

        /// <summary>Writes a selected, converted and checked batch; programs whose text changed meanwhile are converted again.</summary>
        public async Task WriteBatchAsync(Batch batch)
        {
            foreach (var outcome in batch.Outcomes)
            {
                outcome();
            }

            var pending = batch.Works;
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                if (migrator.BeforeWrite is { } beforeWrite)
                {
                    await beforeWrite(pending.Select(w => w.Row.Id).ToArray()).ConfigureAwait(false);
                }

                var stale = await WriteAsync(pending).ConfigureAwait(false);
                if (stale.Count == 0)
                {
                    break;
                }

                if (attempt >= _options.SourceChangeRetries)
                {
                    foreach (var work in stale)
                    {
                        Fail(work, new LegacyDiagnostic(DiagnosticSeverity.Error, MigrationCodes.SourceChanged, "$",
                            $"The program's legacy text changed while it was migrated, {attempt + 1} times in a row; nothing was written. Run the migration again when it is no longer being edited."));
                    }

                    break;
                }

                // Convert the new text again, read outside any transaction.
                var fresh = await source.ReadRangeAsync(stale[0].Row.Id, stale[^1].Row.Id, CancellationToken.None).ConfigureAwait(false);
                pending = stale.Where(w => fresh.ContainsKey(w.Row.Id)).Select(w => new Work(fresh[w.Row.Id])).ToList();
                Convert(pending);
                await CheckReferencesAsync(pending).ConfigureAwait(false);
            }
        }

        private static bool IsCurrent(LedgerEntry entry, Work work) =>
            ProgramDecision.IsCurrent(entry, work.Hash, LegacyConverter.Version);

        /// <summary>Converts the programs and hashes their rows: CPU work only, no database.</summary>
        private void Convert(IReadOnlyList<Work> works)
        {
            foreach (var work in works)
            {
                var conversion = migrator.SafeConvert(work.Row, out var failure);
                if (conversion is null)
                {
                    work.Diagnostics.Add(new LegacyDiagnostic(DiagnosticSeverity.Error, MigrationCodes.ConverterFailure, "$", failure!));
                    continue;
                }

                work.Diagnostics.AddRange(conversion.Diagnostics);
                work.Rows = ProgramRows.From(conversion);
                if (!work.HasErrors)
                {
                    work.RowsHash = work.Rows.Hash(tables);
                }
            }
        }

        /// <summary>Checks the converted programs' template and goal ids against the database.</summary>
        private async Task CheckReferencesAsync(List<Work> works)
        {
            var converted = works.Where(w => !w.HasErrors).ToList();
            if (converted.Count == 0)
            {
                return;
            }

            var templates = await source.ExistingIdsAsync(
                tables.SessionTemplates, converted.SelectMany(w => w.Rows.Sessions.Select(s => s.SessionTemplateId)), CancellationToken.None).ConfigureAwait(false);
            var goals = await source.ExistingIdsAsync(
                tables.Goals, converted.SelectMany(w => w.Rows.ProgramGoals.Select(g => g.GoalId).Concat(w.Rows.BlockGoals.Select(g => g.GoalId))), CancellationToken.None).ConfigureAwait(false);
            foreach (var work in converted)
            {
                foreach (var template in work.Rows.Sessions.Select(s => s.SessionTemplateId).Distinct(StringComparer.Ordinal).Where(t => !templates.Contains(t)))
                {
                    var path = ReferencePaths.FindTemplate(work.Row.WeeklySchedule, template) ?? "$";
                    work.Diagnostics.Add(new LegacyDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnknownTemplate, path,
                        $"The template '{template}' is not in {tables.SessionTemplates.Name}: add it there, or use a template id that exists."));
                }

                var goalIds = work.Rows.ProgramGoals.Select(g => g.GoalId).Concat(work.Rows.BlockGoals.Select(g => g.GoalId));
                foreach (var goal in goalIds.Distinct(StringComparer.Ordinal).Where(g => !goals.Contains(g)))
                {
                    var path = ReferencePaths.FindGoal(work.Row.GoalIds, work.Row.WeeklySchedule, goal) ?? "goal_ids";
                    work.Diagnostics.Add(new LegacyDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnknownGoal, path,
                        $"The goal '{goal}' is not in {tables.Goals.Name}: add it there, or remove it from the program."));
                }

                if (work.HasErrors)
                {
                    work.Rows = ProgramRows.From(Work.Empty(work.Row.Id));
                    work.RowsHash = null;
                }
            }
        }

        /// <summary>
        /// Writes the programs' rows and ledger rows in one transaction, after reading their legacy text
        /// and ledger rows again inside it. Returns the programs whose text changed since they were converted.
        /// </summary>
        private async Task<List<Work>> WriteAsync(List<Work> works)
        {
            try
            {
                // A host's retrying execution strategy runs the batch as one retriable unit: WriteOnceAsync reads
                // the programs and ledger again inside its transaction and counts outcomes only after the commit.
                var strategy = context.Database.CreateExecutionStrategy();
                return await strategy.ExecuteAsync(() => WriteOnceAsync(works)).ConfigureAwait(false);
            }
            catch (Exception e) when (IsRefusal(e) && works.Count > 1)
            {
                // One program's rows were refused: write them one by one, so only that program fails.
                var stale = new List<Work>();
                foreach (var work in works)
                {
                    stale.AddRange(await WriteAsync([work]).ConfigureAwait(false));
                }

                return stale;
            }
            catch (Exception e) when (IsRefusal(e))
            {
                var work = works[0];
                Fail(work, DatabaseProblems.DuplicateKey(e)
                    ? new LegacyDiagnostic(DiagnosticSeverity.Error, MigrationCodes.IdCollision, "$",
                        $"A row id of the program (or its block and date, its day and position) is already taken by another row, so a unique key refused the program's rows and nothing of it was written. With the planner's ids this is a collision of two blocks' id prefixes, which docs/migration.md puts at odds of about 1 in 370,000 among 10 million blocks: please report it with this message. {e.Message}")
                    : new LegacyDiagnostic(DiagnosticSeverity.Error, MigrationCodes.DatabaseError, "$",
                        $"The database refused the program's rows: {e.Message}"));
                return [];
            }
        }

        // The database said no to these rows, and is still there to say yes to others. A database that is
        // locked, read-only, full or failing says no to every program: that is no program's fault, so the run
        // stops there (the CLI's "database problem", exit 2) rather than failing each program in turn.
        private bool IsRefusal(Exception e) =>
            e is DbException or DbUpdateException
            && context.Database.GetDbConnection().State == System.Data.ConnectionState.Open
            && !DatabaseProblems.AnyProgram(e);

        private async Task<List<Work>> WriteOnceAsync(List<Work> works)
        {
            // Never cancelled half way: once a batch's transaction starts, it ends with a commit or a rollback.
            var none = CancellationToken.None;
            // The works are in page order, the database's own order of ids (its collation, not ordinal):
            // the first and last bound the range the database will give back.
            var ordered = works;
            var first = ordered[0].Row.Id;
            var last = ordered[^1].Row.Id;
            IDbContextTransaction? transaction = null;
            var stale = new List<Work>();
            var decided = new List<(Work Work, ProgramDecision Decision)>(ordered.Count);
            try
            {
                if (!_options.DryRun)
                {
                    transaction = await context.Database.BeginTransactionAsync(none).ConfigureAwait(false);
                    source.Transaction = transaction.GetDbTransaction();
                    if (tables.IsPostgres)
                    {
                        // Migrators take turns per batch, as SQLite's write lock makes them do there.
                        await source.ExecuteAsync($"SELECT pg_advisory_xact_lock({PlannerSchema.PostgresLockKey})", none).ConfigureAwait(false);
                    }
                }

                var current = await source.ReadRangeAsync(first, last, none).ConfigureAwait(false);
                var ledger = hasLedger ? await source.ReadLedgerAsync(first, last, none).ConfigureAwait(false) : [];

                // Rows the migration did not write may have appeared since the batch's first look (a host's write,
                // committed before this transaction's locks): ask again, under the locks, for the programs not migrated.
                var withRows = await source.ProgramsWithRowsNotMigratedAsync(
                    ordered.Where(w => current.ContainsKey(w.Row.Id) && !(ledger.TryGetValue(w.Row.Id, out var e) && e.IsMigrated)).Select(w => w.Row.Id).ToArray(),
                    rowTables,
                    hasLedger,
                    none).ConfigureAwait(false);
                var toWrite = new List<ProgramRows>();
                var toDelete = new List<string>();
                var ledgerInserts = new List<LedgerEntry>();
                var ledgerUpdates = new List<LedgerEntry>();
                var now = InstantPattern.ExtendedIso.Format(_options.Clock.GetCurrentInstant());
                foreach (var work in ordered)
                {
                    current.TryGetValue(work.Row.Id, out var row);
                    ledger.TryGetValue(work.Row.Id, out var entry);
                    var facts = new ProgramFacts
                    {
                        ConvertedSourceHash = work.Hash,
                        CurrentSourceHash = row is null ? null : SourceHash.Of(row),
                        Ledger = entry,
                        ConverterVersion = LegacyConverter.Version,
                        HasRowsNotMigrated = withRows.Contains(work.Row.Id),
                        HasErrors = work.HasErrors,
                    };
                    var decision = ProgramDecision.Of(facts);
                    if (decision.Outcome == ProgramOutcome.ReadRows)
                    {
                        decision = await DecideFromRowsAsync(work, row!, facts, locksRows: transaction is not null, none).ConfigureAwait(false);
                    }

                    if (decision.Outcome == ProgramOutcome.Gone)
                    {
                        continue; // deleted since it was read: nothing to migrate
                    }

                    if (decision.Outcome == ProgramOutcome.ConvertAgain)
                    {
                        stale.Add(work);
                        continue;
                    }

                    if (decision.ReplacesRows)
                    {
                        migrator.Fault?.Invoke(MigrationFaultPoint.RowsChecked, _committed);
                        toDelete.Add(work.Row.Id);
                    }

                    if (decision.Ledger != LedgerWrite.None)
                    {
                        var migrated = decision.Outcome == ProgramOutcome.Migrate;
                        var newEntry = new LedgerEntry(work.Row.Id, work.Hash, LegacyConverter.Version, now,
                            migrated ? LedgerTable.Migrated : LedgerTable.Failed, migrated ? work.RowsHash ?? work.Rows.Hash(tables) : null);
                        (decision.Ledger == LedgerWrite.Insert ? ledgerInserts : ledgerUpdates).Add(newEntry);
                    }

                    if (decision.Outcome == ProgramOutcome.Migrate)
                    {
                        toWrite.Add(work.Rows);
                    }

                    decided.Add((work, decision));
                }

                if (transaction is not null)
                {
                    foreach (var programId in toDelete)
                    {
                        await DeleteRowsAsync(programId, none).ConfigureAwait(false);
                    }

                    await writer.WriteAsync(toWrite, none).ConfigureAwait(false);
                    migrator.Fault?.Invoke(MigrationFaultPoint.RowsWritten, _committed);
                    await source.InsertLedgerAsync(ledgerInserts, none).ConfigureAwait(false);

                    foreach (var entry in ledgerUpdates)
                    {
                        await source.UpdateLedgerAsync(entry, none).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(none).ConfigureAwait(false);
                }

                foreach (var (work, decision) in decided)
                {
                    Count(work, decision);
                }

                _committed += decided.Count;
                if (transaction is not null)
                {
                    migrator.Fault?.Invoke(MigrationFaultPoint.BatchCommitted, _committed);
                }

                return stale;
            }
            finally
            {
                source.Transaction = null;
                if (transaction is not null)
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Decides about a program migrated before from another text or converter (<see cref="ProgramOutcome.ReadRows"/>):
        /// reads its rows, and compares its text with what dual writes make from them if the decision asks for that.
        /// </summary>
        private async Task<ProgramDecision> DecideFromRowsAsync(Work work, LegacyProgramRow row, ProgramFacts facts, bool locksRows, CancellationToken none)
        {
            var existing = await ProgramRows.ReadAsync(context, work.Row.Id, none).ConfigureAwait(false);
            facts = facts with { RowsHash = existing.Hash(tables) };
            var decision = ProgramDecision.Of(facts);
            if (decision.ReplacesRows && locksRows && tables.IsPostgres)
            {
                // The rows are about to be deleted: lock them first and read them again, so a host's edit
                // committed before the lock is seen (rows-changed) and one after it waits and then finds its
                // row gone, never deleted unseen. Only here: the programs left alone or failed are not
                // written, and locking their rows would only add deadlocks with dual writes, which lock a
                // day before its program (the reverse of this transaction). SQLite's write lock, held since
                // BEGIN IMMEDIATE, already keeps every other writer out.
                await source.LockProgramRowsAsync(work.Row.Id, none).ConfigureAwait(false);
                existing = await ProgramRows.ReadAsync(context, work.Row.Id, none).ConfigureAwait(false);
                facts = facts with { RowsHash = existing.Hash(tables) };
                decision = ProgramDecision.Of(facts);
            }

            if (decision.Outcome == ProgramOutcome.CompareText)
            {
                facts = facts with { TextIsDualWritten = DualWrittenText.Matches(row, existing, work.Rows.ProgramGoals.Select(g => g.GoalId)) };
                decision = ProgramDecision.Of(facts);
            }

            return decision;
        }

        /// <summary>Counts a program's decision in the report (and the log), once its batch has committed.</summary>
        private void Count(Work work, ProgramDecision decision)
        {
            switch (decision)
            {
                case { Outcome: ProgramOutcome.AlreadyMigrated }:
                    report.AlreadyMigrated++; // another migrator got there first
                    break;
                case { Outcome: ProgramOutcome.LeftAlone, Reason: ProgramReason.DualWritten }:
                    LeaveDualWritten(work);
                    break;
                case { Outcome: ProgramOutcome.LeftAlone }:
                    LeaveAlone(work);
                    break;
                case { Outcome: ProgramOutcome.Failed, Reason: ProgramReason.RowsChanged }:
                    Fail(work, new LegacyDiagnostic(DiagnosticSeverity.Error, MigrationCodes.RowsChanged, "$",
                        "The program's legacy text changed since it was migrated, its rows were edited since too, and the text is not what dual writes make from those rows: migrating it again would lose the rows' edits, so nothing was touched."));
                    break;
                case { Outcome: ProgramOutcome.Failed }:
                    Fail(work, null);
                    break;
                case { Outcome: ProgramOutcome.Migrate }:
                    report.Migrated++;
                    report.AddRows(tables.Blocks.Name, work.Rows.Blocks.Count);
                    report.AddRows(tables.Days.Name, work.Rows.Days.Count);
                    report.AddRows(tables.Sessions.Name, work.Rows.Sessions.Count);
                    report.AddRows(tables.ProgramGoals.Name, work.Rows.ProgramGoals.Count);
                    report.AddRows(tables.BlockGoals.Name, work.Rows.BlockGoals.Count);
                    report.AddWarnings(work.Row.Id, work.Diagnostics);
                    break;
                default:
                    throw new UnreachableException($"Program {work.Row.Id}: {decision} is not an outcome to count.");
            }
        }

        private async Task DeleteRowsAsync(string programId, CancellationToken cancellationToken)
        {
            await context.Set<ScheduledSession>().Where(s => s.Day!.Block!.ProgramId == programId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await context.Set<ProgramDay>().Where(d => d.Block!.ProgramId == programId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await context.Set<BlockGoal>().Where(l => l.Block!.ProgramId == programId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await context.Set<ProgramBlock>().Where(b => b.ProgramId == programId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await context.Set<ProgramGoal>().Where(l => l.ProgramId == programId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Counts a program with rows the migration did not write: it leaves them, writes no ledger row (a rerun
        /// looks again), and says so with a warning, not a failure.
        /// </summary>
        private void LeaveAlone(Work work)
        {
            report.LeftAlone++;
            report.AddWarnings(work.Row.Id, [new LegacyDiagnostic(DiagnosticSeverity.Warning, MigrationCodes.RowsExist, "$",
                "The program already has rows in the new tables that the migration did not write (made by the planning API or the host); it is left as it is.")]);
            LogLeftAlone(migrator._logger, work.Row.Id, null);
        }

        /// <summary>
        /// Counts a migrated program edited through the planning API with dual writes on: its text is what the
        /// dual writer made from its rows, so the rows are the truth and there is nothing to migrate. Neither its
        /// rows nor its ledger row are touched (the ledger keeps saying what the migration wrote; a rerun decides
        /// again from the rows and the text as they are then).
        /// </summary>
        private void LeaveDualWritten(Work work)
        {
            report.LeftAlone++;
            report.AddWarnings(work.Row.Id, [new LegacyDiagnostic(DiagnosticSeverity.Warning, MigrationCodes.DualWritten, "$",
                "The program was edited through the planning API since it was migrated; its legacy text is what dual writes made from its rows, so it is left as it is.")]);
            LogDualWritten(migrator._logger, work.Row.Id, null);
        }

        private void Fail(Work work, LegacyDiagnostic? extra)
        {
            if (extra is not null)
            {
                work.Diagnostics.Add(extra);
            }

            report.AddFailure(new ProgramFailure(work.Row.Id, work.Diagnostics.ToArray()));
            var first = work.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            LogFailure(migrator._logger, work.Row.Id, first is null ? "?" : $"{first.Code} at {first.Path}: {first.Message}", null);
        }
    }
}

/// <summary>Where a test injects a crash into a migration run.</summary>
internal enum MigrationFaultPoint
{
    /// <summary>Inside a batch's transaction: its rows are written, its ledger rows not yet, nothing committed.</summary>
    RowsWritten,

    /// <summary>
    /// Inside a batch's transaction: a migrated program whose text changed has had its rows read (and on
    /// PostgreSQL locked) and found as the migration wrote them; they are not deleted yet.
    /// </summary>
    RowsChecked,

    /// <summary>Just after a batch committed; the count given is the programs dealt with so far.</summary>
    BatchCommitted,
}
