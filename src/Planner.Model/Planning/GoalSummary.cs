namespace Planner.Model.Planning;

/// <summary>A goal, as created.</summary>
/// <param name="Id">The goal's id.</param>
/// <param name="Name">Its name.</param>
public sealed record GoalSummary(string Id, string Name);
