using System.Globalization;
using System.Text.RegularExpressions;

namespace Planner.Model.Tests.Infrastructure;

/// <summary>
/// The tables of a SQL Server create script (as EF Core writes it), read from the script's text so that
/// the checks look at the DDL a server would really run.
/// </summary>
public sealed partial class SqlServerScript
{
    private SqlServerScript(IReadOnlyList<ScriptTable> tables, IReadOnlyList<ScriptIndex> indexes)
    {
        Tables = tables;
        Indexes = indexes;
    }

    public IReadOnlyList<ScriptTable> Tables { get; }

    public IReadOnlyList<ScriptIndex> Indexes { get; }

    public ScriptTable this[string table] => Tables.Single(t => t.Name == table);

    public static SqlServerScript Parse(string script)
    {
        var tables = CreateTable().Matches(script).Select(m =>
        {
            var body = m.Groups["body"].Value;
            return new ScriptTable(
                m.Groups["name"].Value,
                ColumnLine().Matches(body).ToDictionary(c => c.Groups["name"].Value, c => c.Groups["type"].Value),
                Names(PrimaryKey().Match(body).Groups["columns"].Value),
                ForeignKey().Matches(body).Select(f => new ScriptForeignKey(Names(f.Groups["columns"].Value), f.Groups["principal"].Value, f.Groups["action"].Value)).ToList());
        }).ToList();
        var indexes = CreateIndex().Matches(script)
            .Select(m => new ScriptIndex(m.Groups["name"].Value, m.Groups["table"].Value, m.Groups["unique"].Success, Names(m.Groups["columns"].Value)))
            .ToList();
        return new SqlServerScript(tables, indexes);
    }

    /// <summary>
    /// The bytes one value of a column type takes in an index key, or null for types that cannot be
    /// key columns (<c>nvarchar(max)</c>...) and types this check does not know.
    /// </summary>
    public static int? KeyBytes(string type)
    {
        var sized = Regex.Match(type, @"^(?<base>n?varchar|n?char|varbinary)\((?<size>\d+)\)$");
        if (sized.Success)
        {
            var size = int.Parse(sized.Groups["size"].Value, CultureInfo.InvariantCulture);
            return sized.Groups["base"].Value.StartsWith('n') ? 2 * size : size;
        }

        return type switch
        {
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "date" => 3,
            "int" => 4,
            "bigint" or "datetime2" => 8,
            "uniqueidentifier" => 16,
            _ => null,
        };
    }

    private static string[] Names(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.Trim('[', ']')).ToArray();

    [GeneratedRegex(@"CREATE TABLE \[(?<name>\w+)\] \((?<body>[\s\S]*?)\n\);")]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^\s+\[(?<name>\w+)\] (?<type>\w+(\((\d+|max)\))?)", RegexOptions.Multiline)]
    private static partial Regex ColumnLine();

    [GeneratedRegex(@"PRIMARY KEY \((?<columns>[^)]*)\)")]
    private static partial Regex PrimaryKey();

    [GeneratedRegex(@"FOREIGN KEY \((?<columns>[^)]*)\) REFERENCES \[(?<principal>\w+)\] \([^)]*\) ON DELETE (?<action>CASCADE|NO ACTION|SET NULL|SET DEFAULT|RESTRICT)")]
    private static partial Regex ForeignKey();

    [GeneratedRegex(@"CREATE (?<unique>UNIQUE )?(NONCLUSTERED )?INDEX \[(?<name>\w+)\] ON \[(?<table>\w+)\] \((?<columns>[^)]*)\)")]
    private static partial Regex CreateIndex();
}

public sealed record ScriptTable(string Name, IReadOnlyDictionary<string, string> ColumnTypes, IReadOnlyList<string> PrimaryKey, IReadOnlyList<ScriptForeignKey> ForeignKeys);

public sealed record ScriptForeignKey(IReadOnlyList<string> Columns, string PrincipalTable, string OnDelete);

public sealed record ScriptIndex(string Name, string Table, bool IsUnique, IReadOnlyList<string> Columns);
