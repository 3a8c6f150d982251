namespace Planner.Model;

/// <summary>Something an athlete trains for ("Sub-3:30 marathon"). Table <c>goals</c>.</summary>
public class Goal
{
    /// <summary>The goal's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The goal's name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The programs linked to this goal.</summary>
    public ICollection<ProgramGoal> ProgramLinks { get; set; } = new List<ProgramGoal>();

    /// <summary>The blocks linked to this goal.</summary>
    public ICollection<BlockGoal> BlockLinks { get; set; } = new List<BlockGoal>();
}
