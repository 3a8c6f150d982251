namespace Planner.Model.Configuration;

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
