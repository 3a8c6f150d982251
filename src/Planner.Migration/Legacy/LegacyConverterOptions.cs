using Planner.Model.Scheduling;

namespace Planner.Migration.Legacy;

/// <summary>Limits the converter keeps against hostile or broken rows.</summary>
public sealed class LegacyConverterOptions
{
    /// <summary>The longest block span converted, in days (3,660 by default); longer blocks are <c>span-too-long</c>.</summary>
    public int MaxBlockDays { get; set; } = ScheduleExpansion.DefaultMaxDays;

    /// <summary>The largest <c>weekly_schedule</c> (or <c>goal_ids</c>) text, in UTF-8 bytes (64 MiB by default); larger is <c>too-large</c>.</summary>
    public int MaxDocumentBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>The deepest nesting of the document (64 by default); deeper is <c>too-large</c>.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>
    /// The most days one program may produce, all blocks together (500,000 by default); more is
    /// <c>too-large</c>. Keeps a document of many long blocks from producing millions of rows.
    /// </summary>
    public int MaxProgramDays { get; set; } = 500_000;

    /// <summary>
    /// The most sessions one program may produce (1,000,000 by default); more is <c>too-large</c>.
    /// Keeps a small document whose weekdays list thousands of sessions from producing billions of rows.
    /// </summary>
    public int MaxProgramSessions { get; set; } = 1_000_000;

    /// <summary>
    /// How many diagnostics of one code are listed (100 by default); the rest are counted in one
    /// summarising diagnostic of the same code, so nothing is dropped silently.
    /// </summary>
    public int MaxDiagnosticsPerCode { get; set; } = 100;
}
