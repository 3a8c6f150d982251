using NodaTime;
using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Scheduling;

/// <summary>A block spans more days than the limit allows; nothing was produced.</summary>
public sealed class SpanTooLongException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="start">The block's first date.</param>
    /// <param name="end">The block's last date.</param>
    /// <param name="maxDays">The limit.</param>
    public SpanTooLongException(LocalDate start, LocalDate end, int maxDays)
        : base($"The block from {FormatIso(start)} to {FormatIso(end)} spans {Period.DaysBetween(start, end) + 1} days; the limit is {maxDays}.")
    {
        Start = start;
        End = end;
        MaxDays = maxDays;
    }

    /// <summary>The block's first date.</summary>
    public LocalDate Start { get; }

    /// <summary>The block's last date.</summary>
    public LocalDate End { get; }

    /// <summary>The limit that was exceeded.</summary>
    public int MaxDays { get; }
}
