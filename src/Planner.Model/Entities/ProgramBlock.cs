using NodaTime;

namespace Planner.Model;

/// <summary>A phase of a program ("Base Builder", "Peak"): an inclusive range of dates.</summary>
public class ProgramBlock
{
    /// <summary>The block's id, unique across all programs.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The id of the program this block belongs to.</summary>
    public string ProgramId { get; set; } = string.Empty;

    /// <summary>The program this block belongs to.</summary>
    public TrainingProgram? Program { get; set; }

    /// <summary>
    /// The block's id in the legacy JSON (<c>blk-base</c>), unique within its program at best;
    /// <see langword="null"/> for blocks that had none or were created after the migration.
    /// </summary>
    public string? LegacyId { get; set; }

    /// <summary>The block's place among its program's blocks (0, 1, ...), the order the plan shows them in.</summary>
    public int Position { get; set; }

    /// <summary>The block's name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The first date of the block.</summary>
    public LocalDate StartDate { get; set; }

    /// <summary>The last date of the block (inclusive); never before <see cref="StartDate"/>.</summary>
    public LocalDate EndDate { get; set; }

    /// <summary>An optional display colour, any string (<c>#4caf50</c>).</summary>
    public string? Color { get; set; }

    /// <summary>The block's days, one per date.</summary>
    public ICollection<ProgramDay> Days { get; set; } = new List<ProgramDay>();

    /// <summary>The goals this block works towards.</summary>
    public ICollection<BlockGoal> GoalLinks { get; set; } = new List<BlockGoal>();
}
