namespace Planner.Model;

/// <summary>Links a block to a goal it works towards. Table <c>block_goals</c>.</summary>
public class BlockGoal
{
    /// <summary>The block's id.</summary>
    public string BlockId { get; set; } = string.Empty;

    /// <summary>The block.</summary>
    public ProgramBlock? Block { get; set; }

    /// <summary>The goal's id.</summary>
    public string GoalId { get; set; } = string.Empty;

    /// <summary>The goal.</summary>
    public Goal? Goal { get; set; }
}
