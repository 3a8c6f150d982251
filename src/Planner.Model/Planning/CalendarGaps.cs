namespace Planner.Model.Planning;

/// <summary>Whether a calendar read also lists the dates without a day row.</summary>
public enum CalendarGaps
{
    /// <summary>Only the dates with a day row (<see cref="CalendarWindow.Dates"/> is <see langword="null"/>).</summary>
    Omit,

    /// <summary>Every date of the window in <see cref="CalendarWindow.Dates"/>, so a chart needs no gap-filling.</summary>
    Fill,
}
