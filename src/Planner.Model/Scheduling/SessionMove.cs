using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>A session that changes day or position, keeping its id.</summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="FromDayId">The id of its day before.</param>
/// <param name="FromDate">Its date before.</param>
/// <param name="FromPosition">Its position before.</param>
/// <param name="ToDayId">The id of its day after.</param>
/// <param name="ToDate">Its date after.</param>
/// <param name="ToPosition">Its position after.</param>
public sealed record SessionMove(string SessionId, string FromDayId, LocalDate FromDate, int FromPosition, string ToDayId, LocalDate ToDate, int ToPosition);
