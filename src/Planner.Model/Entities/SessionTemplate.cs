namespace Planner.Model;

/// <summary>A reusable workout ("Easy run 45'") that sessions are planned from. Table <c>session_templates</c>.</summary>
public class SessionTemplate
{
    /// <summary>The template's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The template's name.</summary>
    public string Name { get; set; } = string.Empty;
}
