using Planner.Model.Planning;

namespace Planner.Model.Tests.Planning;

/// <summary>Test shorthand for a day edit that sets all three fields (the old full-form update).</summary>
internal static class DayEdits
{
    public static DayEdit Full(string? name, string? notes, int? readiness) => new() { Name = name, Notes = notes, Readiness = readiness };
}
