namespace Planner.Testing.Databases;

/// <summary>The tables of one schema as the database's own catalog describes them.</summary>
public sealed class DatabaseSchema(IReadOnlyList<TableSchema> tables)
{
    /// <summary>The tables, by name.</summary>
    public IReadOnlyList<TableSchema> Tables { get; } = tables;

    /// <summary>One table; fails the test, listing what exists, when there is no such table.</summary>
    public TableSchema this[string name] =>
        Tables.SingleOrDefault(t => t.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"No table '{name}'; the database has: {string.Join(", ", Tables.Select(t => t.Name))}.");
}

/// <summary>One table: columns, primary key, indexes, foreign keys and check constraints.</summary>
public sealed record TableSchema(
    string Name,
    IReadOnlyList<ColumnSchema> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IndexSchema> Indexes,
    IReadOnlyList<ForeignKeySchema> ForeignKeys,
    IReadOnlyList<CheckSchema> Checks);

/// <summary>A column, its type as the database names it, and whether it accepts NULL.</summary>
public sealed record ColumnSchema(string Name, string Type, bool IsNullable)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} {(IsNullable ? "null" : "not null")}";
}

/// <summary>An index other than the primary key's.</summary>
public sealed record IndexSchema(string Name, bool IsUnique, IReadOnlyList<string> Columns)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}: {(IsUnique ? "unique " : string.Empty)}({string.Join(", ", Columns)})";
}

/// <summary>A foreign key and its ON DELETE rule (upper case: CASCADE, RESTRICT, NO ACTION...).</summary>
public sealed record ForeignKeySchema(IReadOnlyList<string> Columns, string PrincipalTable, IReadOnlyList<string> PrincipalColumns, string OnDelete)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"({string.Join(", ", Columns)}) -> {PrincipalTable}({string.Join(", ", PrincipalColumns)}) on delete {OnDelete}";
}

/// <summary>A check constraint: its name and its expression as the database keeps it.</summary>
public sealed record CheckSchema(string Name, string Expression);
