namespace Planner.Model.Configuration;

/// <summary>
/// How <c>ApplyPlannerModel</c> maps the planner's entities: schema, table names and the date mapping.
/// </summary>
/// <remarks>
/// EF Core builds a model once per <c>DbContext</c> type and caches it, so these options are fixed per
/// context type: two instances of one context type cannot use different options.
/// </remarks>
public sealed class PlannerModelOptions
{
    /// <summary>The database schema of the planner's tables; <see langword="null"/> for the provider's default.</summary>
    /// <remarks>SQLite has no schemas; EF Core ignores this there.</remarks>
    public string? Schema { get; set; }

    /// <summary>The table names. Defaults are the seed's (<c>programs</c>, <c>program_blocks</c>, ...).</summary>
    public PlannerTableNames Tables { get; } = new();

    /// <summary>How <see cref="NodaTime.LocalDate"/> values are stored. Defaults to <see cref="PlannerDateMapping.Date"/>.</summary>
    public PlannerDateMapping DateMapping { get; set; } = PlannerDateMapping.Date;

    /// <summary>Refuses options that would build a broken model, before EF Core reports it less clearly.</summary>
    /// <exception cref="ArgumentException">A table name is blank, two tables share a name, or the schema is blank but not null.</exception>
    internal void Validate()
    {
        if (Schema is not null && string.IsNullOrWhiteSpace(Schema))
        {
            throw new ArgumentException("The schema must be null (the provider's default) or a name.", nameof(Schema));
        }

        var names = Tables.All();
        foreach (var (table, name) in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"The table name for {table} must not be blank.", nameof(Tables));
            }
        }

        var shared = names.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
        {
            throw new ArgumentException($"The tables {string.Join(" and ", shared.Select(n => n.Table))} are both named '{shared.Key}'.", nameof(Tables));
        }
    }
}

/// <summary>The names of the planner's tables.</summary>
public sealed class PlannerTableNames
{
    /// <summary>Programs: the legacy table, mapped as it is. Default <c>programs</c>.</summary>
    public string Programs { get; set; } = "programs";

    /// <summary>Blocks. Default <c>program_blocks</c>.</summary>
    public string Blocks { get; set; } = "program_blocks";

    /// <summary>Days. Default <c>program_days</c>.</summary>
    public string Days { get; set; } = "program_days";

    /// <summary>Sessions. Default <c>scheduled_sessions</c>.</summary>
    public string Sessions { get; set; } = "scheduled_sessions";

    /// <summary>Session templates (a legacy table). Default <c>session_templates</c>.</summary>
    public string SessionTemplates { get; set; } = "session_templates";

    /// <summary>Goals (a legacy table). Default <c>goals</c>.</summary>
    public string Goals { get; set; } = "goals";

    /// <summary>Links of programs to goals. Default <c>program_goals</c>.</summary>
    public string ProgramGoals { get; set; } = "program_goals";

    /// <summary>Links of blocks to goals. Default <c>block_goals</c>.</summary>
    public string BlockGoals { get; set; } = "block_goals";

    /// <summary>Every table: which one, and its name.</summary>
    internal (string Table, string Name)[] All() =>
    [
        (nameof(Programs), Programs),
        (nameof(Blocks), Blocks),
        (nameof(Days), Days),
        (nameof(Sessions), Sessions),
        (nameof(SessionTemplates), SessionTemplates),
        (nameof(Goals), Goals),
        (nameof(ProgramGoals), ProgramGoals),
        (nameof(BlockGoals), BlockGoals),
    ];
}

/// <summary>How <see cref="NodaTime.LocalDate"/> values of the new tables are stored.</summary>
public enum PlannerDateMapping
{
    /// <summary>
    /// Through <see cref="DateOnly"/>, which every provider maps to its date type (PostgreSQL and SQL Server
    /// <c>date</c>, SQLite ISO text): comparisons and ordering run in SQL.
    /// </summary>
    Date,

    /// <summary>ISO <c>yyyy-MM-dd</c> text on every provider: comparisons and ordering run in SQL on the text.</summary>
    IsoText,

    /// <summary>
    /// No conversion: the provider maps <see cref="NodaTime.LocalDate"/> itself, as Npgsql does with
    /// <c>UseNodaTime()</c>. The legacy <c>programs</c> dates stay ISO text, as the table has them.
    /// </summary>
    ProviderNative,
}
