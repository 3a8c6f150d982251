using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>
/// Logged work that the change would otherwise move or remove. The change set never deletes it on its
/// own: it says what it does (<see cref="Resolution"/>), as the caller's <see cref="RescheduleOptions"/> asked.
/// </summary>
/// <param name="Subject">Whether a session or a day.</param>
/// <param name="Id">The session's or the day's id: the key of <see cref="RescheduleOptions.Resolutions"/>.</param>
/// <param name="Date">Its date.</param>
/// <param name="Reason">Why it conflicts, in words.</param>
/// <param name="SuggestedDate">Where the planned work around it goes (its date shifted like the block), when that date lies within the new dates; where <see cref="ConflictResolution.Move"/> puts a session.</param>
/// <param name="Resolution">What this change set does with it.</param>
public sealed record RescheduleConflict(ConflictSubject Subject, string Id, LocalDate Date, string Reason, LocalDate? SuggestedDate, ConflictResolution Resolution);
