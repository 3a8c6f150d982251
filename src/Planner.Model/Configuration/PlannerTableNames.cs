namespace Planner.Model.Configuration;

/// <summary>The names of the planner's tables.</summary>
public sealed class PlannerTableNames
{
    /// <summary>Programs: the legacy table, mapped as it is. Default <c>programs</c>.</summary>
    public string Programs { get; set; } = "programs";

    /// <summary>Blocks. Default <c>program_blocks</c>.</summary>
    public string Blocks { get; set; } = "program_blocks";

    /// <summary>Days. Default <c>program_days</c>.</summary>
    public string Days { get; set; } = "program_days";

    /// <summary>Sessions. Default <c>scheduled_sessions</c>.</summary>
    public string Sessions { get; set; } = "scheduled_sessions";

    /// <summary>Session templates (a legacy table). Default <c>session_templates</c>.</summary>
    public string SessionTemplates { get; set; } = "session_templates";

    /// <summary>Goals (a legacy table). Default <c>goals</c>.</summary>
    public string Goals { get; set; } = "goals";

    /// <summary>Links of programs to goals. Default <c>program_goals</c>.</summary>
    public string ProgramGoals { get; set; } = "program_goals";

    /// <summary>Links of blocks to goals. Default <c>block_goals</c>.</summary>
    public string BlockGoals { get; set; } = "block_goals";

    /// <summary>Every table: which one, and its name.</summary>
    internal (string Table, string Name)[] All() =>
    [
        (nameof(Programs), Programs),
        (nameof(Blocks), Blocks),
        (nameof(Days), Days),
        (nameof(Sessions), Sessions),
        (nameof(SessionTemplates), SessionTemplates),
        (nameof(Goals), Goals),
        (nameof(ProgramGoals), ProgramGoals),
        (nameof(BlockGoals), BlockGoals),
    ];
}
