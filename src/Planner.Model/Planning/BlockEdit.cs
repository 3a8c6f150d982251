namespace Planner.Model.Planning;

/// <summary>
/// A partial edit of a block's own values: each field unset (the default) stays as it is. Its dates and
/// plan change through <see cref="PlanningService.RescheduleBlockAsync"/> and the shifts.
/// </summary>
public sealed record BlockEdit
{
    /// <summary>The block's name (not null).</summary>
    public Optional<string> Name { get; init; }

    /// <summary>The block's display colour; set to <see langword="null"/> for none.</summary>
    public Optional<string?> Color { get; init; }

    /// <summary>The block's goals: the ids of all of them (links to others are removed, new ones added); empty for none.</summary>
    public Optional<IReadOnlyList<string>> GoalIds { get; init; }
}
