using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Planner.Model.Configuration;

/// <summary>What the entity configurations share: the lengths of id and stamp columns, and the date mapping.</summary>
internal static class PlannerModelMapping
{
    /// <summary>The length of every id column: short enough to index on every provider (SQL Server's 900-byte keys included).</summary>
    public const int IdLength = 128;

    /// <summary>The length of the concurrency-token columns.</summary>
    public const int StampLength = 32;

    /// <summary>Maps a date of the new tables as <see cref="PlannerModelOptions.DateMapping"/> says.</summary>
    public static void MapDate(PropertyBuilder<LocalDate> property, PlannerModelOptions options)
    {
        switch (options.DateMapping)
        {
            case PlannerDateMapping.Date:
                property.HasConversion(LocalDateConverters.ToDateOnly);
                break;
            case PlannerDateMapping.IsoText:
                property.HasConversion(LocalDateConverters.ToIsoText).HasMaxLength(10);
                break;
            case PlannerDateMapping.ProviderNative:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.DateMapping, "Unknown date mapping.");
        }
    }
}
