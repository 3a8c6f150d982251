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
    /// the write transaction; on PostgreSQL locked against updates until it ends.
    /// </summary>
    public async Task<Dictionary<string, LegacyProgramRow>> ReadRangeAsync(string firstId, string lastId, CancellationToken cancellationToken)
    {
        var id = tables.Programs.Column("Id").QuotedName;
        var sql = SelectPrograms() + $" WHERE {id} >= @first AND {id} <= @last" + (tables.IsPostgres && Transaction is not null ? " FOR SHARE" : string.Empty); // a lock only inside a write: verify stays read-only
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

    public async Task InsertLedgerAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {tables.Ledger.QuotedName} ({string.Join(", ", LedgerTable.ColumnNames.Select(c => tables.SqlHelper.DelimitIdentifier(c)))})"
            + " VALUES (@p0, @p1, @p2, @p3, @p4, @p5)");
        AddEntry(command, entry);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateLedgerAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        var names = LedgerTable.ColumnNames.Select(c => tables.SqlHelper.DelimitIdentifier(c)).ToArray();
        await using var command = Command(
            $"UPDATE {tables.Ledger.QuotedName} SET {string.Join(", ", names.Skip(1).Select((n, i) => $"{n} = @p{i + 1}"))} WHERE {names[0]} = @p0");
        AddEntry(command, entry);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Which of <paramref name="ids"/> the table holds.</summary>
    public async Task<HashSet<string>> ExistingIdsAsync(ITableMap table, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var idColumn = table.Columns.Single(c => c.Property.Name == "Id").QuotedName;
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            await using var command = Command(
                $"SELECT {idColumn} FROM {table.QuotedName} WHERE {idColumn} IN ({string.Join(", ", chunk.Select((_, i) => "@i" + i.ToString(CultureInfo.InvariantCulture)))})");
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

    private static void AddEntry(DbCommand command, LedgerEntry entry)
    {
        Add(command, "@p0", entry.ProgramId);
        Add(command, "@p1", entry.SourceHash);
        Add(command, "@p2", entry.ConverterVersion);
        Add(command, "@p3", entry.MigratedAt);
        Add(command, "@p4", entry.Outcome);
        Add(command, "@p5", entry.RowsHash);
    }

    private static void Add(DbCommand command, string name, string? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
