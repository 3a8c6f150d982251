namespace Planner.Model;

/// <summary>Links a program to a goal it works towards. Table <c>program_goals</c>.</summary>
public class ProgramGoal
{
    /// <summary>The program's id.</summary>
    public string ProgramId { get; set; } = string.Empty;

    /// <summary>The program.</summary>
    public TrainingProgram? Program { get; set; }

    /// <summary>The goal's id.</summary>
    public string GoalId { get; set; } = string.Empty;

    /// <summary>The goal.</summary>
    public Goal? Goal { get; set; }
}
