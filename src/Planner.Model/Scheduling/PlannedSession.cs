namespace Planner.Model.Scheduling;

/// <summary>A session a pattern or an override puts on a date: a template, an optional slot label and notes.</summary>
/// <param name="TemplateId">The id of the session's template.</param>
/// <param name="Slot">An optional slot label (<c>am</c>, <c>pm</c>).</param>
/// <param name="Notes">Optional notes.</param>
public sealed record PlannedSession(string TemplateId, string? Slot = null, string? Notes = null)
{
    /// <summary>Whether the session was completed (only overrides carry logged work).</summary>
    public bool IsCompleted { get; init; }

    /// <summary>What the athlete logged, as JSON object text (only overrides carry logged work).</summary>
    public string? CompletionData { get; init; }
}
