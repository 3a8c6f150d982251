using static Planner.Model.Scheduling.IsoDates;

namespace Planner.Model.Planning;

/// <summary>
/// A deletion was refused because the block or program holds logged work (a completed session, a session
/// with completion data or notes, a day with a name, notes or readiness). Nothing was written. Delete with
/// <see cref="LoggedWorkPolicy.Delete"/> to delete it too.
/// </summary>
public sealed class LoggedWorkException : InvalidOperationException
{
    internal LoggedWorkException(PlanEntity entity, string id, int sessions, int days, NodaTime.LocalDate first)
        : base($"{entity} '{id}' holds logged work ({sessions} session{(sessions == 1 ? string.Empty : "s")}, {days} day{(days == 1 ? string.Empty : "s")} with words of their own, the first on {FormatIso(first)}): it is deleted only with LoggedWorkPolicy.Delete; nothing was written.")
    {
        Entity = entity;
        Id = id;
        LoggedSessions = sessions;
        LoggedDays = days;
    }

    /// <summary>Whether a block or a program was to be deleted.</summary>
    public PlanEntity Entity { get; }

    /// <summary>Its id.</summary>
    public string Id { get; }

    /// <summary>How many of its sessions hold logged work.</summary>
    public int LoggedSessions { get; }

    /// <summary>How many of its days have a name, notes or readiness.</summary>
    public int LoggedDays { get; }
}
