using NodaTime;

namespace Planner.Model;

/// <summary>
/// A training program ("Marathon 2024"): the root of a plan, made of <see cref="ProgramBlock"/>s.
/// Mapped to the legacy <c>programs</c> table as it is, including the legacy JSON columns the
/// migration reads.
/// </summary>
/// <remarks>Named <c>TrainingProgram</c> to stay clear of a host's own <c>Program</c> class.</remarks>
public class TrainingProgram
{
    /// <summary>The program's id: an opaque string, usually a UUID (the legacy primary key).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The program's name, such as "Marathon 2024".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The first date of the program, if it has one.</summary>
    public LocalDate? StartDate { get; set; }

    /// <summary>The last date of the program (inclusive), if it has one.</summary>
    public LocalDate? EndDate { get; set; }

    /// <summary>Widens the program's dates (never narrows them) to cover a block's, as adding or moving a block does.</summary>
    internal void Cover(LocalDate start, LocalDate end)
    {
        if (StartDate is null || StartDate > start)
        {
            StartDate = start;
        }

        if (EndDate is null || EndDate < end)
        {
            EndDate = end;
        }
    }

    /// <summary>
    /// The legacy <c>goal_ids</c> column: a JSON list of goal ids as text. Read by the migration;
    /// new code uses <see cref="GoalLinks"/>. Deprecated in Phase 3.
    /// </summary>
    public string? LegacyGoalIds { get; set; }

    /// <summary>
    /// The legacy <c>weekly_schedule</c> column: the whole program as one JSON document. Read by the
    /// migration, and optionally written back by dual writes during the transition. Deprecated in Phase 3.
    /// </summary>
    public string? LegacyWeeklySchedule { get; set; }

    /// <summary>The program's blocks (phases).</summary>
    public ICollection<ProgramBlock> Blocks { get; set; } = new List<ProgramBlock>();

    /// <summary>The goals this program works towards.</summary>
    public ICollection<ProgramGoal> GoalLinks { get; set; } = new List<ProgramGoal>();
}
