using System.Data.Common;
using System.Globalization;
using Planner.Migration.Legacy;

namespace Planner.Migration.Migrating;

/// <summary>
/// Reads the legacy tables and the ledger with plain SQL on the context's connection: the legacy text
/// exactly as stored (a broken date must reach the converter as text, not fail a typed read), pages in
/// key order (keyset, never <c>OFFSET</c>), and id checks against <c>session_templates</c> and <c>goals</c>.
/// </summary>
/// <remarks>Internal.</remarks>
internal sealed class LegacySource(PlannerTables tables, DbConnection connection)
{
    private const int IdsPerQuery = 500;

    /// <summary>Ledger rows per INSERT: 6 parameters each, far under every provider's limit.</summary>
    private const int LedgerRowsPerInsert = 100;

    private static readonly string[] ProgramProperties = ["Id", "Name", "StartDate", "EndDate", "LegacyGoalIds", "LegacyWeeklySchedule"];

    public DbTransaction? Transaction { get; set; }

    public async Task<long> CountProgramsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT COUNT(*) FROM {tables.Programs.QuotedName}");
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>The next <paramref name="count"/> programs after <paramref name="afterId"/>, in id order.</summary>
    public async Task<List<LegacyProgramRow>> ReadPageAsync(string? afterId, int count, CancellationToken cancellationToken)
    {
        var id = tables.Programs.Column("Id").QuotedName;
        var sql = SelectPrograms() + (afterId is null ? string.Empty : $" WHERE {id} > @after") + $" ORDER BY {id}" + tables.Limit(count);
        await using var command = Command(sql);
        if (afterId is not null)
        {
            Add(command, "@after", afterId);
        }

        return await ReadProgramsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The programs with ids in [<paramref name="firstId"/>, <paramref name="lastId"/>], read again inside
    /// the write transaction; on PostgreSQL locked until it ends against updates and against new rows
    /// referencing them.
    /// </summary>
    public async Task<Dictionary<string, LegacyProgramRow>> ReadRangeAsync(string firstId, string lastId, CancellationToken cancellationToken)
    {
        var id = tables.Programs.Column("Id").QuotedName;
        // A lock only inside a write (verify stays read-only). FOR UPDATE, not FOR SHARE: it also holds off the
        // key-share lock an insert into program_blocks or program_goals takes on its program, so a host cannot
        // give the program rows between the migrator's check for them and its commit.
        var sql = SelectPrograms() + $" WHERE {id} >= @first AND {id} <= @last" + (tables.IsPostgres && Transaction is not null ? " FOR UPDATE" : string.Empty);
        await using var command = Command(sql);
        Add(command, "@first", firstId);
        Add(command, "@last", lastId);
        return (await ReadProgramsAsync(command, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The ledger rows of the programs with ids in [<paramref name="firstId"/>, <paramref name="lastId"/>].</summary>
    public async Task<Dictionary<string, LedgerEntry>> ReadLedgerAsync(string firstId, string lastId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"SELECT {string.Join(", ", LedgerTable.ColumnNames.Select(c => tables.SqlHelper.DelimitIdentifier(c)))} FROM {tables.Ledger.QuotedName}"
            + $" WHERE {tables.SqlHelper.DelimitIdentifier("program_id")} >= @first AND {tables.SqlHelper.DelimitIdentifier("program_id")} <= @last");
        Add(command, "@first", firstId);
        Add(command, "@last", lastId);
        var entries = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var entry = new LedgerEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
            entries[entry.ProgramId] = entry;
        }

        return entries;
    }

    /// <summary>The migrated programs' ledger rows after <paramref name="afterId"/>, in id order (for verify).</summary>
    public async Task<List<LedgerEntry>> ReadMigratedLedgerPageAsync(string? afterId, int count, CancellationToken cancellationToken)
    {
        var programId = tables.SqlHelper.DelimitIdentifier("program_id");
        await using var command = Command(
            $"SELECT {string.Join(", ", LedgerTable.ColumnNames.Select(c => tables.SqlHelper.DelimitIdentifier(c)))} FROM {tables.Ledger.QuotedName}"
            + $" WHERE {tables.SqlHelper.DelimitIdentifier("outcome")} = @outcome"
            + (afterId is null ? string.Empty : $" AND {programId} > @after")
            + $" ORDER BY {programId}" + tables.Limit(count));
        Add(command, "@outcome", LedgerTable.Migrated);
        if (afterId is not null)
        {
            Add(command, "@after", afterId);
        }

        var entries = new List<LedgerEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new LedgerEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }

    /// <summary>Inserts ledger rows, <see cref="LedgerRowsPerInsert"/> to a statement.</summary>
    public async Task InsertLedgerAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", LedgerTable.ColumnNames.Select(c => tables.SqlHelper.DelimitIdentifier(c)));
        foreach (var chunk in entries.Chunk(LedgerRowsPerInsert))
        {
            var values = string.Join(", ", chunk.Select((_, row) =>
                "(" + string.Join(", ", Enumerable.Range(0, LedgerTable.ColumnNames.Length).Select(column => LedgerParameter(row, column))) + ")"));
            await using var command = Command($"INSERT INTO {tables.Ledger.QuotedName} ({columns}) VALUES {values}");
            for (var row = 0; row < chunk.Length; row++)
            {
                AddEntry(command, chunk[row], row);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task UpdateLedgerAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var names = LedgerTable.ColumnNames.Select(c => tables.SqlHelper.DelimitIdentifier(c)).ToArray();
        await using var command = Command(
            $"UPDATE {tables.Ledger.QuotedName} SET {string.Join(", ", names.Skip(1).Select((n, i) => $"{n} = {LedgerParameter(0, i + 1)}"))} WHERE {names[0]} = {LedgerParameter(0, 0)}");
        AddEntry(command, entry, 0);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Which of <paramref name="ids"/> the table holds.</summary>
    public async Task<HashSet<string>> ExistingIdsAsync(ITableMap table, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var idColumn = table.Columns.Single(c => c.Property.Name == "Id").QuotedName;
        return await ReadIdsAsync(ids, parameters => $"SELECT {idColumn} FROM {table.QuotedName} WHERE {idColumn} IN ({parameters})", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first column of a query over <paramref name="ids"/>, asked <see cref="IdsPerQuery"/> ids at a time:
    /// <paramref name="sql"/> gets the parameter list (<c>@i0, @i1, ...</c>) to put in its <c>IN (...)</c>.
    /// </summary>
    private async Task<HashSet<string>> ReadIdsAsync(IEnumerable<string> ids, Func<string, string> sql, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            await using var command = Command(sql(string.Join(", ", chunk.Select((_, i) => "@i" + i.ToString(CultureInfo.InvariantCulture)))));
            for (var i = 0; i < chunk.Length; i++)
            {
                Add(command, "@i" + i.ToString(CultureInfo.InvariantCulture), chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    /// <summary>
    /// Which of <paramref name="programIds"/> own rows in the new tables (a block or a program goal link:
    /// days, sessions and block goals hang off blocks) without a <c>migrated</c> ledger row: rows the
    /// migration did not write, since it writes a program's rows and its ledger row in one transaction.
    /// One statement per 500 ids, so the rows and the ledger are read at one moment.
    /// </summary>
    /// <param name="programIds">The programs to look at.</param>
    /// <param name="rowTables">The tables among <c>program_blocks</c> and <c>program_goals</c> that exist (none before Phase 1).</param>
    /// <param name="hasLedger">Whether the ledger exists.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<HashSet<string>> ProgramsWithRowsNotMigratedAsync(
        IReadOnlyCollection<string> programIds, IReadOnlyList<ITableMap> rowTables, bool hasLedger, CancellationToken cancellationToken)
    {
        if (programIds.Count == 0 || rowTables.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        return await ReadIdsAsync(programIds, parameters => ProgramsWithRowsSql($" WHERE {{0}} IN ({parameters})", rowTables, hasLedger), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many programs own rows in the new tables without a <c>migrated</c> ledger row (for verify).</summary>
    public async Task<long> CountProgramsWithRowsNotMigratedAsync(IReadOnlyList<ITableMap> rowTables, bool hasLedger, CancellationToken cancellationToken)
    {
        if (rowTables.Count == 0)
        {
            return 0;
        }

        await using var command = Command($"SELECT COUNT(*) FROM ({ProgramsWithRowsSql(string.Empty, rowTables, hasLedger)}) counted");
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The ids of programs with rows in <paramref name="rowTables"/> (each filtered by <paramref name="where"/>,
    /// <c>{0}</c> standing for its program id column) and no <c>migrated</c> ledger row.
    /// </summary>
    private string ProgramsWithRowsSql(string where, IReadOnlyList<ITableMap> rowTables, bool hasLedger)
    {
        var owners = string.Join(" UNION ", rowTables.Select(table =>
        {
            var programId = table.Columns.Single(c => c.Property.Name == "ProgramId").QuotedName;
            return $"SELECT {programId} AS program_id FROM {table.QuotedName}" + string.Format(CultureInfo.InvariantCulture, where, programId);
        }));
        if (!hasLedger)
        {
            return owners;
        }

        var ledgerProgramId = tables.SqlHelper.DelimitIdentifier("program_id");
        var outcome = tables.SqlHelper.DelimitIdentifier("outcome");
        return $"SELECT owners.program_id FROM ({owners}) owners WHERE NOT EXISTS (SELECT 1 FROM {tables.Ledger.QuotedName} ledger"
            + $" WHERE ledger.{ledgerProgramId} = owners.program_id AND ledger.{outcome} = '{LedgerTable.Migrated}')";
    }

    /// <summary>
    /// PostgreSQL: locks every row of one program in the new tables (blocks, days, sessions, goal links)
    /// <c>FOR UPDATE</c> until the transaction ends. A host's uncommitted change of one of them is waited
    /// for, so the reads after this see it; a host's change started after this waits, and after the commit
    /// finds its row deleted (a concurrency failure, or a foreign key refusal for a new row under a deleted
    /// block or day) instead of being deleted unseen.
    /// </summary>
    /// <remarks>
    /// SQLite needs nothing of the kind: the write transaction began with <c>BEGIN IMMEDIATE</c>, so no other
    /// connection writes anything until it ends.
    /// </remarks>
    public async Task LockProgramRowsAsync(string programId, CancellationToken cancellationToken)
    {
        var blockId = tables.Blocks.Column("Id").QuotedName;
        var dayId = tables.Days.Column("Id").QuotedName;
        var ofProgram = $"b.{tables.Blocks.Column("ProgramId").QuotedName} = @program";
        var blocks = $"JOIN {tables.Blocks.QuotedName} b ON b.{blockId} = ";
        var days = $"JOIN {tables.Days.QuotedName} d ON d.{dayId} = ";

        // One round trip, in the order rows hang off each other (a block before its days before their sessions).
        var sql = string.Join(";\n",
            $"SELECT 1 FROM {tables.Blocks.QuotedName} b WHERE {ofProgram} FOR UPDATE",
            $"SELECT 1 FROM {tables.Days.QuotedName} x {blocks}x.{tables.Days.Column("BlockId").QuotedName} WHERE {ofProgram} FOR UPDATE OF x",
            $"SELECT 1 FROM {tables.Sessions.QuotedName} x {days}x.{tables.Sessions.Column("DayId").QuotedName} {blocks}d.{tables.Days.Column("BlockId").QuotedName} WHERE {ofProgram} FOR UPDATE OF x",
            $"SELECT 1 FROM {tables.BlockGoals.QuotedName} x {blocks}x.{tables.BlockGoals.Column("BlockId").QuotedName} WHERE {ofProgram} FOR UPDATE OF x",
            $"SELECT 1 FROM {tables.ProgramGoals.QuotedName} x WHERE x.{tables.ProgramGoals.Column("ProgramId").QuotedName} = @program FOR UPDATE");
        await using var command = Command(sql);
        Add(command, "@program", programId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private string SelectPrograms()
    {
        var p = tables.Programs;
        var columns = ProgramProperties.Select(name => p.Column(name).QuotedName);
        return $"SELECT {string.Join(", ", columns)} FROM {p.QuotedName}";
    }

    private static async Task<List<LegacyProgramRow>> ReadProgramsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<LegacyProgramRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new LegacyProgramRow(
                reader.GetString(0),
                reader.IsDBNull(1) ? string.Empty : reader.GetString(1),
                Text(reader, 2),
                Text(reader, 3),
                Text(reader, 4),
                Text(reader, 5)));
        }

        return rows;

        // The legacy columns are text; a provider that typed them (a date column) still gives its text form.
        static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
            ? null
            : reader.GetValue(ordinal) switch
            {
                string s => s,
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                var other => System.Convert.ToString(other, CultureInfo.InvariantCulture),
            };
    }

    private DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>The ledger row's values as the parameters <see cref="LedgerParameter"/> names for row <paramref name="row"/> of a statement.</summary>
    private static void AddEntry(DbCommand command, LedgerEntry entry, int row)
    {
        var values = new[] { entry.ProgramId, entry.SourceHash, entry.ConverterVersion, entry.MigratedAt, entry.Outcome, entry.RowsHash };
        for (var column = 0; column < values.Length; column++)
        {
            Add(command, LedgerParameter(row, column), values[column]);
        }
    }

    private static string LedgerParameter(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"@l{row}_{column}");

    private static void Add(DbCommand command, string name, string? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
