namespace Planner.Model.Tests.Infrastructure;

/// <summary>
/// Finds what SQL Server refuses as "may cause cycles or multiple cascade paths": a table reached from
/// one table through two different chains of cascading foreign keys, or a cascade that comes back to
/// where it started.
/// </summary>
public static class CascadePaths
{
    /// <summary>Each problem found, as readable text; empty when SQL Server would accept the cascades.</summary>
    /// <param name="cascades">The cascading foreign keys, as (principal table, dependent table).</param>
    public static IReadOnlyList<string> Problems(IEnumerable<(string Principal, string Dependent)> cascades)
    {
        var edges = cascades.ToList();
        var problems = new List<string>();
        foreach (var root in edges.Select(e => e.Principal).Distinct())
        {
            var paths = new Dictionary<string, List<string>>();
            Walk(root, [root]);
            problems.AddRange(paths.Where(p => p.Value.Count > 1)
                .Select(p => $"{p.Key} is reached from {root} by {p.Value.Count} paths: {string.Join(" | ", p.Value)}"));

            void Walk(string table, List<string> path)
            {
                foreach (var (_, dependent) in edges.Where(e => e.Principal == table))
                {
                    var next = path.Append(dependent).ToList();
                    if (path.Contains(dependent))
                    {
                        problems.Add("cycle: " + string.Join(" -> ", next));
                        continue;
                    }

                    if (!paths.TryGetValue(dependent, out var found))
                    {
                        paths[dependent] = found = [];
                    }

                    found.Add(string.Join(" -> ", next));
                    Walk(dependent, next);
                }
            }
        }

        return problems.Distinct().ToList();
    }
}
