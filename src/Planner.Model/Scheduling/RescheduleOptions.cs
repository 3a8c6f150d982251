namespace Planner.Model.Scheduling;

/// <summary>How a reschedule treats conflicts, and the longest span it accepts.</summary>
public sealed class RescheduleOptions
{
    /// <summary>The resolution of every conflict not named in <see cref="Resolutions"/>. Defaults to <see cref="ConflictResolution.Keep"/>.</summary>
    public ConflictResolution DefaultResolution { get; init; } = ConflictResolution.Keep;

    /// <summary>
    /// Resolutions of single conflicts, by the id of the session or day (as reported by a first,
    /// preview run in <see cref="RescheduleConflict.Id"/>).
    /// </summary>
    public IReadOnlyDictionary<string, ConflictResolution> Resolutions { get; init; } = new Dictionary<string, ConflictResolution>();

    /// <summary>The longest span, in days, the new dates may cover. Defaults to <see cref="ScheduleExpansion.DefaultMaxDays"/>.</summary>
    public int MaxDays { get; init; } = ScheduleExpansion.DefaultMaxDays;

    internal static RescheduleOptions Default { get; } = new();

    internal ConflictResolution ResolutionOf(string id) =>
        Resolutions.TryGetValue(id, out var resolution) ? resolution : DefaultResolution;
}
