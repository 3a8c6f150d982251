using System.Data.Common;

namespace Planner.Testing.Databases;

/// <summary>Reads a SQLite database's tables back through its pragmas and <c>sqlite_master</c>.</summary>
public static class SqliteCatalog
{
    public static async Task<DatabaseSchema> ReadAsync(DbConnection connection)
    {
        var tables = new List<TableSchema>();
        foreach (var name in await connection.ReadAsync("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name", r => r.GetString(0)))
        {
            tables.Add(await ReadTableAsync(connection, name));
        }

        return new DatabaseSchema(tables);
    }

    private static async Task<TableSchema> ReadTableAsync(DbConnection connection, string table)
    {
        var columns = await connection.ReadAsync(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info($t) ORDER BY cid",
            r => (Column: new ColumnSchema(r.GetString(0), r.GetString(1), r.GetInt64(2) == 0), Pk: r.GetInt64(3)),
            ("$t", table));

        var indexes = new List<IndexSchema>();
        foreach (var (name, unique) in await connection.ReadAsync(
            "SELECT name, \"unique\" FROM pragma_index_list($t) WHERE origin <> 'pk' ORDER BY name",
            r => (r.GetString(0), r.GetInt64(1) == 1),
            ("$t", table)))
        {
            var indexColumns = await connection.ReadAsync("SELECT name FROM pragma_index_info($i) ORDER BY seqno", r => r.GetString(0), ("$i", name));
            indexes.Add(new IndexSchema(name, unique, indexColumns));
        }

        var foreignKeys = (await connection.ReadAsync(
                "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list($t) ORDER BY id, seq",
                r => (Id: r.GetInt64(0), Principal: r.GetString(1), From: r.GetString(2), To: r.GetString(3), OnDelete: r.GetString(4)),
                ("$t", table)))
            .GroupBy(k => k.Id)
            .Select(g => new ForeignKeySchema(
                g.Select(k => k.From).ToList(), g.First().Principal, g.Select(k => k.To).ToList(), g.First().OnDelete.ToUpperInvariant()))
            .ToList();

        var sql = (await connection.ReadAsync("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $t", r => r.GetString(0), ("$t", table))).Single();

        return new TableSchema(
            table,
            columns.Select(c => c.Column).ToList(),
            columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Column.Name).ToList(),
            indexes,
            foreignKeys,
            ChecksOf(sql));
    }

    /// <summary>The named CHECK constraints of a CREATE TABLE statement.</summary>
    private static List<CheckSchema> ChecksOf(string createTable)
    {
        var checks = new List<CheckSchema>();
        var match = System.Text.RegularExpressions.Regex.Match(createTable, "CONSTRAINT \"([^\"]+)\" CHECK \\(");
        for (; match.Success; match = match.NextMatch())
        {
            // The expression runs to the parenthesis that closes the one opened after CHECK.
            var start = match.Index + match.Length;
            var depth = 1;
            var end = start;
            for (; depth > 0; end++)
            {
                depth += createTable[end] switch { '(' => 1, ')' => -1, _ => 0 };
            }

            checks.Add(new CheckSchema(match.Groups[1].Value, createTable[start..(end - 1)]));
        }

        return checks;
    }
}
