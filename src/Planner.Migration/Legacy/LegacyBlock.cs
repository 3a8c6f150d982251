using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Migration.Legacy;

/// <summary>A block as read from the legacy document, before it becomes rows.</summary>
internal sealed class LegacyBlock
{
    public required LegacyJsonPath Path { get; init; }

    public required int Position { get; init; }

    /// <summary>The key its id is derived from: its legacy id, or its position key.</summary>
    public string Key { get; set; } = string.Empty;

    public string? LegacyId { get; set; }

    public string Name { get; set; } = string.Empty;

    public LocalDate Start { get; set; }

    public LocalDate End { get; set; }

    /// <summary>Whether both dates read and the span is usable.</summary>
    public bool DatesValid { get; set; }

    public string? Color { get; set; }

    public List<string> GoalIds { get; } = [];

    public SchedulePattern? Pattern { get; set; }

    public List<DayOverride> Overrides { get; } = [];

    /// <summary>The engine's schedule, once the block is known to be valid.</summary>
    public BlockSchedule? Schedule { get; set; }
}
