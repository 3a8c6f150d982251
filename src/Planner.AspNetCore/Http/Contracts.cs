using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.AspNetCore.Http;

// What the API sends and receives, as JSON (camelCase): dates as ISO text (yyyy-MM-dd), each day and
// session with its ETag. Internal: clients are generated from the OpenAPI document.

internal sealed record SessionResponse(
    string Id,
    string DayId,
    string Date,
    int Position,
    string? Slot,
    string? Notes,
    bool IsCompleted,
    JsonElement? Completion,
    string TemplateId,
    string TemplateName,
    string ETag);

internal sealed record DayResponse(
    string Id,
    string BlockId,
    string Date,
    string? Name,
    string? Notes,
    int? Readiness,
    string ETag,
    IReadOnlyList<SessionResponse> Sessions);

internal sealed record WindowResponse(string From, string To, IReadOnlyList<DayResponse> Days);

internal sealed record ComplianceResponse(int Planned, int Completed, int Missed, double? Ratio);

internal sealed record BlockComplianceResponse(string BlockId, string Name, string StartDate, ComplianceResponse Compliance);

internal sealed record WeekComplianceResponse(string WeekStart, ComplianceResponse Compliance);

internal sealed record BlockResponse(string Id, string ProgramId, int Position, string Name, string StartDate, string EndDate, string? Color);

internal sealed record ProgramResponse(string Id, string Name, string? StartDate, string? EndDate);

internal sealed record ConflictResponse(string Subject, string Id, string Date, string Reason, string? SuggestedDate, string Resolution);

internal sealed record ChangeSetResponse(
    string BlockId,
    string PreviousStart,
    string PreviousEnd,
    string Start,
    string End,
    int AddedDays,
    int RemovedDays,
    int AddedSessions,
    int RemovedSessions,
    int MovedSessions,
    IReadOnlyList<ConflictResponse> Conflicts);

internal sealed record FeedTokenResponse(string Id, string ProgramId, string Token, string Url);

// Request bodies.

internal sealed record AddSessionRequest(string? TemplateId, string? Slot, string? Notes, int? Position);

internal sealed record ReorderRequest(IReadOnlyList<string>? SessionIds);

internal sealed record MoveRequest(string? Date);

internal sealed record ShiftRequest(int? Days, string? OnConflict);

internal sealed record PlannedSessionRequest(string? TemplateId, string? Slot, string? Notes);

internal sealed record RescheduleRequest(string? Start, string? End, IReadOnlyDictionary<string, IReadOnlyList<PlannedSessionRequest>>? Weekly, string? OnConflict);

internal sealed record CopyWeekRequest(string? SourceStart, string? TargetStart);

internal sealed record StartProgramRequest(string? NewProgramId, string? Name, string? StartDate);

internal static class Contracts
{
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static DayResponse ToResponse(CalendarDay day) => new(
        day.Id,
        day.BlockId,
        Iso(day.Date),
        day.Name,
        day.Notes,
        day.Readiness,
        ETags.Of(day),
        day.Sessions.Select(s => ToResponse(s, day)).ToList());

    public static SessionResponse ToResponse(CalendarSession session, CalendarDay day) => new(
        session.Id,
        day.Id,
        Iso(day.Date),
        session.Position,
        session.Slot,
        session.Notes,
        session.IsCompleted,
        session.Completion is { } completion ? ParseCompletion(completion.ToJson()) : null,
        session.TemplateId,
        session.TemplateName,
        ETags.Of(session));

    public static WindowResponse ToResponse(CalendarWindow window) =>
        new(Iso(window.From), Iso(window.To), window.Days.Select(ToResponse).ToList());

    public static ComplianceResponse ToResponse(Compliance c) => new(c.Planned, c.Completed, c.Missed, c.Ratio);

    public static BlockResponse ToResponse(BlockSummary b) =>
        new(b.Id, b.ProgramId, b.Position, b.Name, Iso(b.StartDate), Iso(b.EndDate), b.Color);

    public static ProgramResponse ToResponse(ProgramSummary p) =>
        new(p.Id, p.Name, p.StartDate is { } s ? Iso(s) : null, p.EndDate is { } e ? Iso(e) : null);

    public static ChangeSetResponse ToResponse(RescheduleChangeSet c) => new(
        c.BlockId,
        Iso(c.PreviousStart),
        Iso(c.PreviousEnd),
        Iso(c.Start),
        Iso(c.End),
        c.AddedDays.Count,
        c.RemovedDays.Count,
        c.AddedSessions.Count,
        c.RemovedSessions.Count,
        c.MovedSessions.Count,
        c.Conflicts.Select(x => new ConflictResponse(
            x.Subject.ToString().ToLowerInvariant(),
            x.Id,
            Iso(x.Date),
            x.Reason,
            x.SuggestedDate is { } d ? Iso(d) : null,
            x.Resolution.ToString().ToLowerInvariant())).ToList());

    private static JsonElement? ParseCompletion(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The shape of a day's partial update, for the OpenAPI document (the handler reads it with <see cref="DayPatch"/>, which tells a field left out from a null).</summary>
internal sealed record DayPatchRequest(string? Name, string? Notes, int? Readiness);
