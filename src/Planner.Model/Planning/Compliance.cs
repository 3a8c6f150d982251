using NodaTime;

namespace Planner.Model.Planning;

/// <summary>Planned versus completed sessions, as of the athlete's today.</summary>
/// <param name="Planned">Sessions planned (every date, past and future).</param>
/// <param name="Completed">Sessions completed (whatever their date).</param>
/// <param name="Missed">Sessions planned before today and not completed.</param>
public sealed record Compliance(int Planned, int Completed, int Missed)
{
    /// <summary>
    /// Completed over what was due or done (<see cref="Completed"/> / (<see cref="Completed"/> + <see cref="Missed"/>)),
    /// 0 to 1; <see langword="null"/> when nothing was due or done yet. Future sessions do not lower it.
    /// </summary>
    public double? Ratio => Completed + Missed == 0 ? null : (double)Completed / (Completed + Missed);
}

/// <summary>Compliance of one block.</summary>
/// <param name="BlockId">The block's id.</param>
/// <param name="Name">The block's name.</param>
/// <param name="StartDate">The block's first date.</param>
/// <param name="Compliance">Its planned, completed and missed sessions.</param>
public sealed record BlockCompliance(string BlockId, string Name, LocalDate StartDate, Compliance Compliance);

/// <summary>Compliance of one week (from the configured week start).</summary>
/// <param name="WeekStart">The week's first date.</param>
/// <param name="Compliance">Its planned, completed and missed sessions.</param>
public sealed record WeekCompliance(LocalDate WeekStart, Compliance Compliance);
