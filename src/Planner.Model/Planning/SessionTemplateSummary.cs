namespace Planner.Model.Planning;

/// <summary>A session template, as created.</summary>
/// <param name="Id">The template's id.</param>
/// <param name="Name">Its name.</param>
public sealed record SessionTemplateSummary(string Id, string Name);
