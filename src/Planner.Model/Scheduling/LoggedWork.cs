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

    /// <summary>
    /// Whether a session stays on its date when its block shifts: logged work, unless it is only noted.
    /// A shift moves the block's own rows, so a session in the block's dates that is not done (neither
    /// completed nor with completion data) moves with the plan, notes included: its notes were the
    /// plan's or the athlete's planning note, and either way they move with it, nothing is lost. Days
    /// (their names, notes and readiness) stay on their dates.
    /// </summary>
    public static bool StaysInShift(ScheduledSession session, ProgramDay day, ProgramBlock block) =>
        IsLogged(session) && (IsDone(session) || day.Date < block.StartDate || day.Date > block.EndDate);

    /// <summary>
    /// Whether a session is exactly what a plan puts there (its template, slot and notes): a session not
    /// done that is, counts as that planned session, its notes the plan's, not logged work beside it.
    /// </summary>
    public static bool IsPlannedAs(ScheduledSession session, string templateId, string? slot, string? notes) =>
        string.Equals(session.SessionTemplateId, templateId, StringComparison.Ordinal)
        && string.Equals(session.Slot, slot, StringComparison.Ordinal)
        && string.Equals(session.Notes, notes, StringComparison.Ordinal);

    /// <summary>Whether a day holds words of its own (name, notes, readiness) that nothing deletes on its own.</summary>
    public static bool IsLogged(ProgramDay day) =>
        day.Name is not null || day.Notes is not null || day.Readiness is not null;
}
