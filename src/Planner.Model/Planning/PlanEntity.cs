namespace Planner.Model.Planning;

/// <summary>What a <see cref="PlanNotFoundException"/> did not find.</summary>
public enum PlanEntity
{
    /// <summary>A training program.</summary>
    Program,

    /// <summary>A block of a program.</summary>
    Block,

    /// <summary>A day of a block.</summary>
    Day,

    /// <summary>A session of a day.</summary>
    Session,

    /// <summary>A session template.</summary>
    SessionTemplate,

    /// <summary>A goal.</summary>
    Goal,
}
