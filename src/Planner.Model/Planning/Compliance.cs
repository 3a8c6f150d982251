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
