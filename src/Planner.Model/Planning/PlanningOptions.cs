using NodaTime;

namespace Planner.Model.Planning;

/// <summary>
/// Settings of a <see cref="PlanningService"/>: given to its constructor, or configured through the
/// options pattern with <see cref="PlanningServiceCollectionExtensions.AddPlanning{TContext}"/> (validated at start).
/// </summary>
public sealed class PlanningOptions
{
    /// <summary>The first day of a week for "this week" and weekly compliance. Monday by default.</summary>
    public IsoDayOfWeek WeekStart { get; set; } = IsoDayOfWeek.Monday;

    /// <summary>
    /// When set, every write also rewrites the program's legacy <c>weekly_schedule</c> column from its
    /// rows, in the same transaction (dual writes). <see langword="null"/> (the default) writes nothing there.
    /// </summary>
    public ILegacyScheduleWriter? LegacyScheduleWriter { get; set; }

    /// <summary>What is wrong with the options, in words; <see langword="null"/> when they are valid.</summary>
    internal static string? Problem(PlanningOptions options) =>
        options.WeekStart is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday
            ? $"PlanningOptions.WeekStart must be a day of the week, Monday to Sunday; it is {options.WeekStart}."
            : null;
}
