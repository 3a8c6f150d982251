namespace Planner.Model.Planning;

/// <summary>Which programs work towards a goal, for <see cref="PlanningService.ProgramsByGoalAsync"/>.</summary>
public enum GoalScope
{
    /// <summary>The programs linked to the goal themselves.</summary>
    Program,

    /// <summary>Those, and the programs with a block linked to the goal.</summary>
    ProgramOrBlocks,
}
