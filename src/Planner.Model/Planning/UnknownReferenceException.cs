namespace Planner.Model.Planning;

/// <summary>
/// A write refers to session templates or goals that do not exist. Nothing was written. Carries the
/// unknown ids, so the caller can say which.
/// </summary>
public sealed class UnknownReferenceException : Exception
{
    internal UnknownReferenceException(string subject, IReadOnlyList<string> templateIds, IReadOnlyList<string> goalIds)
        : base($"{subject} refers to {Describe(templateIds, goalIds)}; nothing was written.")
    {
        TemplateIds = templateIds;
        GoalIds = goalIds;
    }

    /// <summary>The ids of session templates that do not exist, in ordinal order; empty when all do.</summary>
    public IReadOnlyList<string> TemplateIds { get; }

    /// <summary>The ids of goals that do not exist, in ordinal order; empty when all do.</summary>
    public IReadOnlyList<string> GoalIds { get; }

    private static string Describe(IReadOnlyList<string> templateIds, IReadOnlyList<string> goalIds)
    {
        var parts = new List<string>(2);
        if (templateIds.Count > 0)
        {
            parts.Add($"unknown session template{(templateIds.Count == 1 ? string.Empty : "s")} {Quote(templateIds)}");
        }

        if (goalIds.Count > 0)
        {
            parts.Add($"unknown goal{(goalIds.Count == 1 ? string.Empty : "s")} {Quote(goalIds)}");
        }

        return string.Join(" and ", parts);
    }

    private static string Quote(IReadOnlyList<string> ids) => string.Join(", ", ids.Select(id => $"'{id}'"));
}
