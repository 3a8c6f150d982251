namespace Planner.Migration.Legacy;

/// <summary>One row of the legacy <c>programs</c> table, as text, the way the database holds it.</summary>
/// <param name="Id">The program's id.</param>
/// <param name="Name">The program's name.</param>
/// <param name="StartDate">The <c>start_date</c> column: ISO <c>yyyy-MM-dd</c> text, or null.</param>
/// <param name="EndDate">The <c>end_date</c> column: ISO <c>yyyy-MM-dd</c> text (inclusive), or null.</param>
/// <param name="GoalIds">The <c>goal_ids</c> column: a JSON list of goal ids as text, or null.</param>
/// <param name="WeeklySchedule">The <c>weekly_schedule</c> column: the legacy JSON document as text, or null.</param>
public sealed record LegacyProgramRow(
    string Id,
    string Name,
    string? StartDate,
    string? EndDate,
    string? GoalIds,
    string? WeeklySchedule);
