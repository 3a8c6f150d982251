using NodaTime;

namespace Planner.Model.Planning;

/// <summary>Settings of a <see cref="PlanningService"/>.</summary>
public sealed class PlanningOptions
{
    /// <summary>The first day of a week for "this week" and weekly compliance. Monday by default.</summary>
    public IsoDayOfWeek WeekStart { get; set; } = IsoDayOfWeek.Monday;

    /// <summary>
    /// When set, every write also rewrites the program's legacy <c>weekly_schedule</c> column from its
    /// rows, in the same transaction (dual writes). <see langword="null"/> (the default) writes nothing there.
    /// </summary>
    public ILegacyScheduleWriter? LegacyScheduleWriter { get; set; }
}
