using Planner.Model.Scheduling;

namespace Planner.Migration.Legacy;

/// <summary>Limits the converter keeps against hostile or broken rows.</summary>
public sealed class LegacyConverterOptions
{
    /// <summary>The longest block span converted, in days (3,660 by default); longer blocks are <c>span-too-long</c>.</summary>
    public int MaxBlockDays { get; set; } = ScheduleExpansion.DefaultMaxDays;

    /// <summary>The largest <c>weekly_schedule</c> document, in UTF-8 bytes (64 MiB by default).</summary>
    public int MaxDocumentBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>The deepest nesting of the document (64 by default).</summary>
    public int MaxDepth { get; set; } = 64;
}
