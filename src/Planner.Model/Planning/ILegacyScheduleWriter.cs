namespace Planner.Model.Planning;

/// <summary>
/// Writes a program's legacy <c>weekly_schedule</c> JSON from its rows, for dual writes during the
/// transition (old readers still read the column). The converter's reverse writer implements it; a host
/// registers it in <see cref="PlanningOptions.LegacyScheduleWriter"/>.
/// </summary>
/// <remarks>
/// Planner.Model cannot reference the converter (the converter depends on the model), hence this seam.
/// It is called inside the write's transaction, after the change, with the program's current rows.
/// </remarks>
public interface ILegacyScheduleWriter
{
    /// <summary>The <c>weekly_schedule</c> JSON for a program.</summary>
    /// <param name="program">
    /// The program, untracked, with its goal links and its blocks, each block with its goal links and its
    /// days, each day with its sessions, each session with its template.
    /// </param>
    /// <returns>The JSON text to store in <c>programs.weekly_schedule</c>.</returns>
    string? Write(TrainingProgram program);
}
