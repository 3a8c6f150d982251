namespace Planner.Model.Scheduling;

/// <summary>
/// The one definition of logged work, which nothing deletes on its own: the rescheduling engine, the
/// planning service's week copy and any other write that replaces rows keep what this says is logged.
/// Internal.
/// </summary>
/// <remarks>
/// A session is logged when it is completed, carries completion data or notes; a day when it has a
/// name, notes or readiness of its own. Notes alone are weaker than the rest: a session whose template,
/// slot and notes equal what the plan puts on its date is that planned session, not the athlete's work
/// (see <see cref="IsDone"/> for what always counts as logged).
/// </remarks>
internal static class LoggedWork
{
    /// <summary>Whether a session holds logged work: completed, with completion data, or with notes.</summary>
    public static bool IsLogged(ScheduledSession session) =>
        IsDone(session) || session.Notes is not null;

    /// <summary>
    /// Whether a session holds work done: completed or with completion data. Such a session is logged
    /// whatever the plan says; only its notes can make it equal to a planned session.
    /// </summary>
    public static bool IsDone(ScheduledSession session) =>
        session.IsCompleted || session.CompletionData is not null;

    /// <summary>Whether a day holds words of its own (name, notes, readiness) that nothing deletes on its own.</summary>
    public static bool IsLogged(ProgramDay day) =>
        day.Name is not null || day.Notes is not null || day.Readiness is not null;
}
