using System.Data.Common;

namespace Planner.Testing.Databases;

/// <summary>Reads a PostgreSQL schema's tables back through <c>information_schema</c> and <c>pg_catalog</c>.</summary>
public static class PostgresCatalog
{
    public static async Task<DatabaseSchema> ReadAsync(DbConnection connection, string schema)
    {
        var tables = new List<TableSchema>();
        foreach (var name in await connection.ReadAsync(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = @s AND table_type = 'BASE TABLE' ORDER BY 1",
            r => r.GetString(0),
            ("@s", schema)))
        {
            tables.Add(await ReadTableAsync(connection, schema, name));
        }

        return new DatabaseSchema(tables);
    }

    private static async Task<TableSchema> ReadTableAsync(DbConnection connection, string schema, string table)
    {
        var columns = await connection.ReadAsync(
            "SELECT column_name::text, data_type::text, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = @s AND table_name = @t ORDER BY ordinal_position",
            r => new ColumnSchema(r.GetString(0), r.GetString(1), r.GetBoolean(2)),
            ("@s", schema),
            ("@t", table));

        const string ColumnsOfIndex = """
            SELECT i.relname::text, ix.indisunique, ix.indisprimary,
                   array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_index ix
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = @s AND t.relname = @t
            ORDER BY 1
            """;
        var indexes = await connection.ReadAsync(
            ColumnsOfIndex,
            r => (Index: new IndexSchema(r.GetString(0), r.GetBoolean(1), r.GetFieldValue<string[]>(3)), IsPrimary: r.GetBoolean(2)),
            ("@s", schema),
            ("@t", table));

        const string ForeignKeysAndChecks = """
            SELECT c.contype::text, c.conname::text, c.confdeltype::text, coalesce(ft.relname::text, ''),
                   array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   array(SELECT a.attname::text FROM unnest(coalesce(c.confkey, '{}')) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_class ft ON ft.oid = c.confrelid
            WHERE n.nspname = @s AND t.relname = @t AND c.contype IN ('f', 'c')
            ORDER BY 2
            """;
        var constraints = await connection.ReadAsync(
            ForeignKeysAndChecks,
            r => (Type: r.GetString(0), Name: r.GetString(1), OnDelete: r.GetString(2), Principal: r.GetString(3),
                  Columns: r.GetFieldValue<string[]>(4), PrincipalColumns: r.GetFieldValue<string[]>(5), Definition: r.GetString(6)),
            ("@s", schema),
            ("@t", table));

        return new TableSchema(
            table,
            columns,
            indexes.SingleOrDefault(i => i.IsPrimary).Index?.Columns ?? [],
            indexes.Where(i => !i.IsPrimary).Select(i => i.Index).ToList(),
            constraints.Where(c => c.Type == "f")
                .Select(c => new ForeignKeySchema(c.Columns, c.Principal, c.PrincipalColumns, DeleteRule(c.OnDelete)))
                .ToList(),
            constraints.Where(c => c.Type == "c").Select(c => new CheckSchema(c.Name, c.Definition)).ToList());
    }

    /// <summary>pg_constraint.confdeltype in the words SQL uses.</summary>
    private static string DeleteRule(string code) => code switch
    {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => code,
    };
}
