using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Planner.Model;

namespace Planner.Migration.Migrating;

/// <summary>
/// Where the planner's entities live in one host's database: table and column names, store types and
/// provider values, all read from the context's EF model so a host's renamed tables and schema hold.
/// </summary>
/// <remarks>Internal: the migrator's view of the mapping.</remarks>
internal sealed class PlannerTables
{
    private PlannerTables(DbContext context)
    {
        var model = context.Model;
        SqlHelper = context.GetService<ISqlGenerationHelper>();
        ProviderName = context.Database.ProviderName ?? string.Empty;
        Programs = TableMap<TrainingProgram>.From(model, SqlHelper);
        Blocks = TableMap<ProgramBlock>.From(model, SqlHelper);
        Days = TableMap<ProgramDay>.From(model, SqlHelper);
        Sessions = TableMap<ScheduledSession>.From(model, SqlHelper);
        ProgramGoals = TableMap<ProgramGoal>.From(model, SqlHelper);
        BlockGoals = TableMap<BlockGoal>.From(model, SqlHelper);
        SessionTemplates = TableMap<SessionTemplate>.From(model, SqlHelper);
        Goals = TableMap<Goal>.From(model, SqlHelper);
        Ledger = new LedgerTable(Programs.Schema, SqlHelper);
    }

    public ISqlGenerationHelper SqlHelper { get; }

    public string ProviderName { get; }

    public bool IsSqlite => ProviderName.Contains("Sqlite", StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => ProviderName.Contains("Npgsql", StringComparison.OrdinalIgnoreCase);

    public TableMap<TrainingProgram> Programs { get; }

    public TableMap<ProgramBlock> Blocks { get; }

    public TableMap<ProgramDay> Days { get; }

    public TableMap<ScheduledSession> Sessions { get; }

    public TableMap<ProgramGoal> ProgramGoals { get; }

    public TableMap<BlockGoal> BlockGoals { get; }

    public TableMap<SessionTemplate> SessionTemplates { get; }

    public TableMap<Goal> Goals { get; }

    public LedgerTable Ledger { get; }

    /// <summary>The tables the migration writes, in the order their rows must be inserted.</summary>
    public IEnumerable<ITableMap> WrittenTables => [Blocks, Days, Sessions, ProgramGoals, BlockGoals];

    public static PlannerTables For(DbContext context) => new(context);

    /// <summary>A <c>LIMIT</c> clause (or its SQL-standard spelling for providers without one).</summary>
    public string Limit(int count) => IsSqlite || IsPostgres
        ? " LIMIT " + count.ToString(CultureInfo.InvariantCulture)
        : " OFFSET 0 ROWS FETCH NEXT " + count.ToString(CultureInfo.InvariantCulture) + " ROWS ONLY";
}

/// <summary>A mapped table, whatever its entity type.</summary>
internal interface ITableMap
{
    string Name { get; }

    string? Schema { get; }

    /// <summary>The table's name quoted for SQL, schema included.</summary>
    string QuotedName { get; }

    IReadOnlyList<ColumnMap> Columns { get; }
}

/// <summary>One mapped column: its name, store type, and how to get its provider value from an entity.</summary>
internal sealed class ColumnMap
{
    private readonly IClrPropertyGetter _getter;

    public ColumnMap(IProperty property, StoreObjectIdentifier table, ISqlGenerationHelper sql)
    {
        Property = property;
        Name = property.GetColumnName(table) ?? property.Name;
        QuotedName = sql.DelimitIdentifier(Name);
        StoreType = property.GetColumnType(table);
        TypeMapping = (RelationalTypeMapping)property.GetTypeMapping();
        var providerType = TypeMapping.Converter?.ProviderClrType ?? TypeMapping.ClrType;
        ProviderClrType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        _getter = property.GetGetter();
    }

    public IProperty Property { get; }

    public string Name { get; }

    public string QuotedName { get; }

    /// <summary>The store type as the model says (<c>character varying(128)</c>, <c>date</c>, <c>TEXT</c>).</summary>
    public string StoreType { get; }

    public RelationalTypeMapping TypeMapping { get; }

    /// <summary>The type of <see cref="ProviderValue(object)"/>'s values (not nullable).</summary>
    public Type ProviderClrType { get; }

    /// <summary>The value the provider stores for this column of <paramref name="entity"/>, or null.</summary>
    public object? ProviderValue(object entity)
    {
        var value = _getter.GetClrValue(entity);
        if (value is null)
        {
            return null;
        }

        return TypeMapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    /// <summary>The column's value as canonical text, the same whether it came from a conversion or a database read.</summary>
    public string? CanonicalText(object entity) => CanonicalTextOf(ProviderValue(entity));

    private static string? CanonicalTextOf(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        LocalDate d => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>
    /// Writes <see cref="CanonicalText(object)"/> of the column into <paramref name="text"/> as one field, formatting
    /// numbers and dates in place rather than through a string: the same characters, for the rows hash.
    /// </summary>
    public void WriteCanonical(CanonicalText text, object entity)
    {
        Span<char> formatted = stackalloc char[64];
        var value = ProviderValue(entity);
        switch (value)
        {
            case null:
                text.Field((string?)null);
                return;
            case string s:
                text.Field(s);
                return;
            case bool b:
                text.Field(b ? "true" : "false");
                return;
            case DateOnly d when d.TryFormat(formatted, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture):
                text.Field(formatted[..written]);
                return;
            case int n when n.TryFormat(formatted, out var written, default, CultureInfo.InvariantCulture):
                text.Field(formatted[..written]);
                return;
            case long n when n.TryFormat(formatted, out var written, default, CultureInfo.InvariantCulture):
                text.Field(formatted[..written]);
                return;
            default:
                text.Field(CanonicalTextOf(value));
                return;
        }
    }
}

/// <summary>The mapping of one entity type's table.</summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class TableMap<T> : ITableMap
    where T : class
{
    private TableMap(IEntityType entityType, ISqlGenerationHelper sql)
    {
        EntityType = entityType;
        Name = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        Schema = entityType.GetSchema();
        QuotedName = sql.DelimitIdentifier(Name, Schema);
        var table = StoreObjectIdentifier.Table(Name, Schema);
        Columns = entityType.GetProperties().Select(p => new ColumnMap(p, table, sql)).ToArray();
        Key = entityType.FindPrimaryKey()!.Properties.Select(p => Columns.Single(c => c.Property == p)).ToArray();
    }

    public IEntityType EntityType { get; }

    public string Name { get; }

    public string? Schema { get; }

    public string QuotedName { get; }

    public IReadOnlyList<ColumnMap> Columns { get; }

    /// <summary>The primary key's columns.</summary>
    public IReadOnlyList<ColumnMap> Key { get; }

    public ColumnMap Column(string propertyName) => Columns.Single(c => c.Property.Name == propertyName);

    /// <summary>The entity's key as text (key columns joined with <c>|</c>).</summary>
    public string KeyText(T entity) => Key.Count == 1 ? Key[0].CanonicalText(entity) ?? string.Empty : string.Join('|', Key.Select(c => c.CanonicalText(entity)));

    public static TableMap<T> From(IModel model, ISqlGenerationHelper sql)
    {
        var entityType = model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException(
                $"The context does not map {typeof(T).Name}: call modelBuilder.ApplyPlannerModel() in its OnModelCreating.");
        return new TableMap<T>(entityType, sql);
    }
}
