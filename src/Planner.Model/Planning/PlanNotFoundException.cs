namespace Planner.Model.Planning;

/// <summary>
/// A read or write named a program, block, day, session, session template or goal that does not exist.
/// Nothing was read or written. Every method of <see cref="PlanningService"/> raises this one exception for
/// an unknown id (a host answers 404), worded one way: <c>Program 'p-1' was not found.</c>
/// </summary>
/// <remarks>A <see cref="KeyNotFoundException"/>, so a host catching that catches this too.</remarks>
public sealed class PlanNotFoundException : KeyNotFoundException
{
    internal PlanNotFoundException(PlanEntity entity, string id)
        : base($"{Describe(entity)} '{id}' was not found.")
    {
        Entity = entity;
        Id = id;
    }

    /// <summary>What was not found.</summary>
    public PlanEntity Entity { get; }

    /// <summary>The id that was not found.</summary>
    public string Id { get; }

    private static string Describe(PlanEntity entity) => entity switch
    {
        PlanEntity.SessionTemplate => "Session template",
        _ => entity.ToString(),
    };
}
