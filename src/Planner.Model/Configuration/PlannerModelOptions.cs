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
