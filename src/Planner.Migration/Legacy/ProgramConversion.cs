using Planner.Model;

namespace Planner.Migration.Legacy;

/// <summary>
/// What one legacy program converts to: its blocks, days, sessions and goal links as entities, and
/// the diagnostics. A program with an error has no rows, only diagnostics.
/// </summary>
public sealed class ProgramConversion
{
    /// <summary>Creates a conversion result.</summary>
    internal ProgramConversion(
        string programId,
        IReadOnlyList<string> programGoalIds,
        IReadOnlyList<ProgramBlock> blocks,
        IReadOnlyList<ProgramDay> days,
        IReadOnlyList<ScheduledSession> sessions,
        IReadOnlyList<BlockGoal> blockGoals,
        IReadOnlyList<LegacyDiagnostic> diagnostics)
    {
        ProgramId = programId;
        ProgramGoalIds = programGoalIds;
        Blocks = blocks;
        Days = days;
        Sessions = sessions;
        BlockGoals = blockGoals;
        Diagnostics = diagnostics;
    }

    /// <summary>The program's id.</summary>
    public string ProgramId { get; }

    /// <summary>The goal ids of the whole program (from the <c>goal_ids</c> column), in order, without repeats.</summary>
    public IReadOnlyList<string> ProgramGoalIds { get; }

    /// <summary>The blocks, in document order (<see cref="ProgramBlock.Position"/> 0, 1, ...).</summary>
    public IReadOnlyList<ProgramBlock> Blocks { get; }

    /// <summary>The days, by block then date: every date of every block, rest days included.</summary>
    public IReadOnlyList<ProgramDay> Days { get; }

    /// <summary>The sessions, by day then position.</summary>
    public IReadOnlyList<ScheduledSession> Sessions { get; }

    /// <summary>The links of blocks to goals (from each block's <c>goal_ids</c>).</summary>
    public IReadOnlyList<BlockGoal> BlockGoals { get; }

    /// <summary>Every diagnostic, in the order found.</summary>
    public IReadOnlyList<LegacyDiagnostic> Diagnostics { get; }

    /// <summary>Whether an error stopped the conversion (then there are no rows).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
