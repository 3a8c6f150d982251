using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Planner.AspNetCore.Feeds;
using Planner.Model;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.AspNetCore.Http;

/// <summary>The routes, and each handler's order of checks: the program's access (404), If-Match (428), the body (400), the ETag (412), then the write.</summary>
internal static class PlannerEndpoints
{
    public const string FeedRouteName = "PlannerCalendarFeed";

    public static void Map(RouteGroupBuilder group)
    {
        // Reads of a program.
        var programs = group.MapGroup("/programs/{programId}");
        programs.MapGet("/calendar", Calendar).WithName("PlannerCalendar").Produces<WindowResponse>().Produces(304).ProducesProblems(400, 404);
        programs.MapGet("/today", Today).Produces<WindowResponse>().Produces(304).ProducesProblems(400, 404);
        programs.MapGet("/week", Week).Produces<WindowResponse>().Produces(304).ProducesProblems(400, 404);
        programs.MapGet("/compliance/blocks", ComplianceByBlock).Produces<IReadOnlyList<BlockComplianceResponse>>().ProducesProblems(400, 404);
        programs.MapGet("/compliance/weeks", ComplianceByWeek).Produces<IReadOnlyList<WeekComplianceResponse>>().ProducesProblems(400, 404);
        group.MapGet("/goals/{goalId}/blocks", BlocksByGoal).Produces<IReadOnlyList<BlockResponse>>();
        group.MapGet("/goals/{goalId}/programs", ProgramsByGoal).Produces<IReadOnlyList<ProgramResponse>>();

        // Days and sessions.
        group.MapGet("/days/{dayId}", GetDay).WithName("PlannerDay").Produces<DayResponse>().Produces(304).ProducesProblems(404);
        group.MapPatch("/days/{dayId}", UpdateDay).Body<DayPatchRequest>().Produces<DayResponse>().ProducesProblems(400, 404, 412, 413, 415, 428);
        group.MapPost("/days/{dayId}/sessions", AddSession).Body<AddSessionRequest>().Produces<SessionResponse>(201).ProducesProblems(400, 404, 412, 413, 415, 428);
        group.MapPut("/days/{dayId}/sessions/order", ReorderSessions).Body<ReorderRequest>().Produces<DayResponse>().ProducesProblems(400, 404, 412, 413, 415, 428);
        group.MapGet("/sessions/{sessionId}", GetSession).WithName("PlannerSession").Produces<SessionResponse>().Produces(304).ProducesProblems(404);
        group.MapPost("/sessions/{sessionId}/move", MoveSession).Body<MoveRequest>().Produces<DayResponse>().ProducesProblems(400, 404, 412, 413, 415, 428);
        group.MapPut("/sessions/{sessionId}/completion", CompleteSession).Body<JsonElement>().Produces<SessionResponse>().ProducesProblems(400, 404, 412, 413, 415, 428);
        group.MapDelete("/sessions/{sessionId}", RemoveSession).Produces(204).ProducesProblems(404, 412, 428);

        // Blocks and programs.
        group.MapPost("/blocks/{blockId}/shift", (HttpContext http, PlannerStore store, string blockId) => ShiftBlock(http, store, blockId, preview: false))
            .Body<ShiftRequest>().Produces<ChangeSetResponse>().ProducesProblems(400, 404, 409, 413, 415);
        group.MapPost("/blocks/{blockId}/shift/preview", (HttpContext http, PlannerStore store, string blockId) => ShiftBlock(http, store, blockId, preview: true))
            .Body<ShiftRequest>().Produces<ChangeSetResponse>().ProducesProblems(400, 404, 413, 415);
        group.MapPost("/blocks/{blockId}/reschedule", (HttpContext http, PlannerStore store, string blockId) => RescheduleBlock(http, store, blockId, preview: false))
            .Body<RescheduleRequest>().Produces<ChangeSetResponse>().ProducesProblems(400, 404, 409, 413, 415);
        group.MapPost("/blocks/{blockId}/reschedule/preview", (HttpContext http, PlannerStore store, string blockId) => RescheduleBlock(http, store, blockId, preview: true))
            .Body<RescheduleRequest>().Produces<ChangeSetResponse>().ProducesProblems(400, 404, 409, 413, 415);
        programs.MapPost("/weeks/copy", CopyWeek).Body<CopyWeekRequest>().Produces<WindowResponse>().ProducesProblems(400, 404, 413, 415);
        programs.MapPost("/start", StartProgram).Body<StartProgramRequest>().Produces<ProgramResponse>(201).ProducesProblems(400, 404, 409, 413, 415);

        // Feeds.
        programs.MapPost("/feeds", FeedEndpoints.CreateToken).Produces<FeedTokenResponse>(201).ProducesProblems(404);
        programs.MapDelete("/feeds/{feedId}", FeedEndpoints.RevokeToken).Produces(204).ProducesProblems(404);
        group.MapGet("/feeds/{token}.ics", FeedEndpoints.Feed).WithName(FeedRouteName).AllowAnonymous()
            .Produces(200, contentType: "text/calendar").Produces(304).ProducesProblems(404);
    }

    // ---- Reads -------------------------------------------------------------------------------

    private static async Task<IResult> Calendar(HttpContext http, PlannerStore store, string programId, string? from, string? to)
    {
        if (await Access.ProgramAsync(http, store, programId, PlannerAccess.Read) is { } denied)
        {
            return denied;
        }

        if (!Input.TryDate(from, "from", out var start, out var problem) || !Input.TryDate(to, "to", out var end, out problem)
            || !Input.TryWindow(start, end, Options(http).MaxWindowDays, out problem))
        {
            return problem;
        }

        return Cached(http, Contracts.ToResponse(await store.CalendarAsync(programId, start, end, http.RequestAborted)));
    }

    private static async Task<IResult> Today(HttpContext http, PlannerStore store, string programId, string? zone)
    {
        if (await Access.ProgramAsync(http, store, programId, PlannerAccess.Read) is { } denied)
        {
            return denied;
        }

        return Input.TryZone(zone, out var tz, out var problem)
            ? Cached(http, Contracts.ToResponse(await store.TodayAsync(programId, tz, http.RequestAborted)))
            : problem;
    }

    private static async Task<IResult> Week(HttpContext http, PlannerStore store, string programId, string? zone)
    {
        if (await Access.ProgramAsync(http, store, programId, PlannerAccess.Read) is { } denied)
        {
            return denied;
        }

        return Input.TryZone(zone, out var tz, out var problem)
            ? Cached(http, Contracts.ToResponse(await store.ThisWeekAsync(programId, tz, http.RequestAborted)))
            : problem;
    }

    private static async Task<IResult> ComplianceByBlock(HttpContext http, PlannerStore store, string programId, string? zone)
    {
        if (await Access.ProgramAsync(http, store, programId, PlannerAccess.Read) is { } denied)
        {
            return denied;
        }

        if (!Input.TryZone(zone, out var tz, out var problem))
        {
            return problem;
        }

        var blocks = await store.ComplianceByBlockAsync(programId, tz, http.RequestAborted);
        return TypedResults.Ok(blocks.Select(b => new BlockComplianceResponse(b.BlockId, b.Name, Contracts.Iso(b.StartDate), Contracts.ToResponse(b.Compliance))).ToList());
    }

    private static async Task<IResult> ComplianceByWeek(HttpContext http, PlannerStore store, string programId, string? zone)
    {
        if (await Access.ProgramAsync(http, store, programId, PlannerAccess.Read) is { } denied)
        {
            return denied;
        }

        if (!Input.TryZone(zone, out var tz, out var problem))
        {
            return problem;
        }

        var weeks = await store.ComplianceByWeekAsync(programId, tz, http.RequestAborted);
        return TypedResults.Ok(weeks.Select(w => new WeekComplianceResponse(Contracts.Iso(w.WeekStart), Contracts.ToResponse(w.Compliance))).ToList());
    }

    private static async Task<IResult> BlocksByGoal(HttpContext http, PlannerStore store, string goalId)
    {
        var blocks = await store.BlocksByGoalAsync(goalId, http.RequestAborted);
        var visible = await Access.FilterAsync(http, blocks, b => b.ProgramId);
        return TypedResults.Ok(visible.Select(Contracts.ToResponse).ToList());
    }

    private static async Task<IResult> ProgramsByGoal(HttpContext http, PlannerStore store, string goalId)
    {
        var programs = await store.ProgramsByGoalAsync(goalId, http.RequestAborted);
        var visible = await Access.FilterAsync(http, programs, p => p.Id);
        return TypedResults.Ok(visible.Select(Contracts.ToResponse).ToList());
    }

    private static async Task<IResult> GetDay(HttpContext http, PlannerStore store, string dayId)
    {
        var (day, denied) = await Access.DayAsync(http, store, dayId, PlannerAccess.Read);
        return day is null ? denied! : Tagged(http, ETags.Of(day), Contracts.ToResponse(day));
    }

    private static async Task<IResult> GetSession(HttpContext http, PlannerStore store, string sessionId)
    {
        var (day, session, denied) = await Access.SessionAsync(http, store, sessionId, PlannerAccess.Read);
        return session is null ? denied! : Tagged(http, ETags.Of(session), Contracts.ToResponse(session, day!));
    }

    // ---- Day writes --------------------------------------------------------------------------

    private static async Task<IResult> UpdateDay(HttpContext http, PlannerStore store, string dayId)
    {
        var (day, denied) = await Access.DayAsync(http, store, dayId, PlannerAccess.Write);
        if (day is null)
        {
            return denied!;
        }

        if (!ETags.HasIfMatch(http.Request))
        {
            return Problems.PreconditionRequired("day");
        }

        var (document, problem) = await Input.ReadDocumentAsync(http);
        if (document is null)
        {
            return problem!;
        }

        DayPatch patch;
        using (document)
        {
            if (!DayPatch.TryRead(document.RootElement, out patch, out problem))
            {
                return problem;
            }
        }

        if (StaleDay(http, day) is { } stale)
        {
            return stale;
        }

        var edit = new DayEdit
        {
            Name = patch.HasName ? new Optional<string?>(patch.Name) : default,
            Notes = patch.HasNotes ? new Optional<string?>(patch.Notes) : default,
            Readiness = patch.HasReadiness ? new Optional<int?>(patch.Readiness) : default,
        };
        var updated = edit.IsEmpty ? day : await store.UpdateDayAsync(day, edit, http.RequestAborted);
        return Tagged(http, ETags.Of(updated), Contracts.ToResponse(updated), conditional: false);
    }

    private static async Task<IResult> AddSession(HttpContext http, PlannerStore store, string dayId, LinkGenerator links)
    {
        var (day, denied) = await Access.DayAsync(http, store, dayId, PlannerAccess.Write);
        if (day is null)
        {
            return denied!;
        }

        if (!ETags.HasIfMatch(http.Request))
        {
            return Problems.PreconditionRequired("day");
        }

        var (body, problem) = await Input.ReadJsonAsync<AddSessionRequest>(http);
        if (body is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(body.TemplateId))
        {
            return Problems.BadRequest("'templateId' is required: the id of a session template.");
        }

        if (body.Position is < 0)
        {
            return Problems.BadRequest("'position' must be 0 or more.");
        }

        if (StaleDay(http, day) is { } stale)
        {
            return stale;
        }

        var updated = await store.AddSessionAsync(day, body.TemplateId, body.Slot, body.Notes, body.Position, http.RequestAborted);
        var before = day.Sessions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var added = updated.Sessions.First(s => !before.Contains(s.Id));
        http.Response.Headers.ETag = ETags.Of(added);
        var location = links.GetPathByName(http, "PlannerSession", new { sessionId = added.Id });
        return TypedResults.Created(location, Contracts.ToResponse(added, updated));
    }

    private static async Task<IResult> ReorderSessions(HttpContext http, PlannerStore store, string dayId)
    {
        var (day, denied) = await Access.DayAsync(http, store, dayId, PlannerAccess.Write);
        if (day is null)
        {
            return denied!;
        }

        if (!ETags.HasIfMatch(http.Request))
        {
            return Problems.PreconditionRequired("day");
        }

        var (body, problem) = await Input.ReadJsonAsync<ReorderRequest>(http);
        if (body is null)
        {
            return problem!;
        }

        if (body.SessionIds is null || body.SessionIds.Any(string.IsNullOrEmpty))
        {
            return Problems.BadRequest("'sessionIds' is required: every session id of the day, in the new order.");
        }

        if (StaleDay(http, day) is { } stale)
        {
            return stale;
        }

        var updated = await store.ReorderSessionsAsync(day, body.SessionIds, http.RequestAborted);
        return Tagged(http, ETags.Of(updated), Contracts.ToResponse(updated), conditional: false);
    }

    // ---- Session writes ----------------------------------------------------------------------

    private static async Task<IResult> MoveSession(HttpContext http, PlannerStore store, string sessionId)
    {
        var (day, session, denied) = await Access.SessionAsync(http, store, sessionId, PlannerAccess.Write);
        if (session is null)
        {
            return denied!;
        }

        if (!ETags.HasIfMatch(http.Request))
        {
            return Problems.PreconditionRequired("session");
        }

        var (body, problem) = await Input.ReadJsonAsync<MoveRequest>(http);
        if (body is null)
        {
            return problem!;
        }

        if (!Input.TryDate(body.Date, "date", out var date, out problem))
        {
            return problem;
        }

        if (StaleSession(http, day!, session) is { } stale)
        {
            return stale;
        }

        var target = await store.MoveSessionAsync(session, date, http.RequestAborted);
        return Tagged(http, ETags.Of(target), Contracts.ToResponse(target), conditional: false);
    }

    private static async Task<IResult> CompleteSession(HttpContext http, PlannerStore store, string sessionId)
    {
        var (day, session, denied) = await Access.SessionAsync(http, store, sessionId, PlannerAccess.Write);
        if (session is null)
        {
            return denied!;
        }

        if (!ETags.HasIfMatch(http.Request))
        {
            return Problems.PreconditionRequired("session");
        }

        var (document, problem) = await Input.ReadDocumentAsync(http);
        if (document is null)
        {
            return problem!;
        }

        SessionCompletion? completion;
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.BadRequest("The body must be a JSON object: what the athlete logged (durationMinutes, distanceKm, rpe, ...).");
            }

            try
            {
                completion = SessionCompletion.Parse(document.RootElement.GetRawText());
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                return Problems.BadRequest("The completion has a value of the wrong type: durationMinutes, distanceKm and rpe are numbers.");
            }
        }

        if (completion is null)
        {
            return Problems.BadRequest("The body must be a JSON object: what the athlete logged.");
        }

        if (StaleSession(http, day!, session) is { } stale)
        {
            return stale;
        }

        var updated = await store.CompleteSessionAsync(session, completion, http.RequestAborted);
        return Tagged(http, ETags.Of(updated), Contracts.ToResponse(updated, day!), conditional: false);
    }

    private static async Task<IResult> RemoveSession(HttpContext http, PlannerStore store, string sessionId)
    {
        var (day, session, denied) = await Access.SessionAsync(http, store, sessionId, PlannerAccess.Write);
        if (session is null)
        {
            return denied!;
        }

        if (!ETags.HasIfMatch(http.Request))
        {
            return Problems.PreconditionRequired("session");
        }

        if (StaleSession(http, day!, session) is { } stale)
        {
            return stale;
        }

        await store.RemoveSessionAsync(session, http.RequestAborted);
        return TypedResults.NoContent();
    }

    // ---- Blocks and programs -----------------------------------------------------------------

    private static async Task<IResult> ShiftBlock(HttpContext http, PlannerStore store, string blockId, bool preview)
    {
        if (await BlockAccessAsync(http, store, blockId, preview) is { } denied)
        {
            return denied;
        }

        var (body, problem) = await Input.ReadJsonAsync<ShiftRequest>(http);
        if (body is null)
        {
            return problem!;
        }

        if (body.Days is not { } days || days == 0 || Math.Abs(days) > 3660)
        {
            return Problems.BadRequest("'days' is required: a whole number of days to shift by, not 0, at most 3660 either way.");
        }

        if (!TryResolution(body.OnConflict, out var resolution, out problem))
        {
            return problem;
        }

        return await ChangeBlockAsync(http, store, preview, resolution, options => store.ShiftBlockAsync(blockId, days, options, http.RequestAborted));
    }

    private static async Task<IResult> RescheduleBlock(HttpContext http, PlannerStore store, string blockId, bool preview)
    {
        if (await BlockAccessAsync(http, store, blockId, preview) is { } denied)
        {
            return denied;
        }

        var (body, problem) = await Input.ReadJsonAsync<RescheduleRequest>(http);
        if (body is null)
        {
            return problem!;
        }

        if (!Input.TryDate(body.Start, "start", out var start, out problem) || !Input.TryDate(body.End, "end", out var end, out problem)
            || !Input.TryWindow(start, end, Options(http).MaxWindowDays, out problem))
        {
            return problem;
        }

        var week = new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>();
        foreach (var (name, sessions) in body.Weekly ?? new Dictionary<string, IReadOnlyList<PlannedSessionRequest>>())
        {
            if (!Enum.TryParse<IsoDayOfWeek>(name, ignoreCase: true, out var weekday) || weekday == IsoDayOfWeek.None || int.TryParse(name, out _))
            {
                return Problems.BadRequest($"'weekly' has '{name}': the keys are weekdays, monday to sunday.");
            }

            if (sessions is null || sessions.Any(s => s is null || string.IsNullOrWhiteSpace(s.TemplateId)))
            {
                return Problems.BadRequest($"'weekly.{name}' must list sessions, each with a 'templateId'.");
            }

            week[weekday] = sessions.Select(s => new PlannedSession(s.TemplateId!, s.Slot, s.Notes)).ToList();
        }

        if (!TryResolution(body.OnConflict, out var resolution, out problem))
        {
            return problem;
        }

        var schedule = new BlockSchedule(start, end, new WeeklyPattern(week));
        return await ChangeBlockAsync(http, store, preview, resolution, options => store.RescheduleBlockAsync(blockId, schedule, options, http.RequestAborted));
    }

    private static async Task<IResult?> BlockAccessAsync(HttpContext http, PlannerStore store, string blockId, bool preview)
    {
        var programId = await store.ProgramOfBlockAsync(blockId, http.RequestAborted);
        return programId is null || !await Access.AllowedAsync(http, programId, preview ? PlannerAccess.Read : PlannerAccess.Write)
            ? Problems.NotFound("block")
            : null;
    }

    private static bool TryResolution(string? text, out ConflictResolution? resolution, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? problem)
    {
        resolution = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        if (!Enum.TryParse<ConflictResolution>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(text, out _))
        {
            problem = Problems.BadRequest($"'onConflict' must be one of {string.Join(", ", Enum.GetNames<ConflictResolution>().Select(n => n.ToLowerInvariant()))}.");
            return false;
        }

        resolution = parsed;
        return true;
    }

    /// <summary>
    /// Runs a block change in a transaction of its own. A preview, or a change with logged work in the way
    /// and no resolution given (409), is rolled back: the same engine and rules as the real change, nothing written.
    /// </summary>
    private static async Task<IResult> ChangeBlockAsync(
        HttpContext http, PlannerStore store, bool preview, ConflictResolution? resolution, Func<RescheduleOptions, Task<RescheduleChangeSet>> change)
    {
        var options = new RescheduleOptions { DefaultResolution = resolution ?? ConflictResolution.Keep };
        await using var transaction = await store.Db.Database.BeginTransactionAsync(http.RequestAborted);
        var changes = await change(options);
        var response = Contracts.ToResponse(changes);
        if (preview)
        {
            await transaction.RollbackAsync(http.RequestAborted);
            return TypedResults.Ok(response);
        }

        if (changes.Conflicts.Count > 0 && resolution is null)
        {
            await transaction.RollbackAsync(http.RequestAborted);
            return Problems.Conflict(
                "Logged work is in the way: repeat the request with 'onConflict' (keep, move or delete), after a look at the preview.",
                new Dictionary<string, object?> { ["conflicts"] = response.Conflicts });
        }

        await transaction.CommitAsync(http.RequestAborted);
        return TypedResults.Ok(response);
    }

    private static async Task<IResult> CopyWeek(HttpContext http, PlannerStore store, string programId)
    {
        if (await Access.ProgramAsync(http, store, programId, PlannerAccess.Write) is { } denied)
        {
            return denied;
        }

        var (body, problem) = await Input.ReadJsonAsync<CopyWeekRequest>(http);
        if (body is null)
        {
            return problem!;
        }

        if (!Input.TryDate(body.SourceStart, "sourceStart", out var source, out problem) || !Input.TryDate(body.TargetStart, "targetStart", out var target, out problem))
        {
            return problem;
        }

        var window = await store.CopyWeekAsync(programId, source, target, http.RequestAborted);
        return TypedResults.Ok(Contracts.ToResponse(window));
    }

    private static async Task<IResult> StartProgram(HttpContext http, PlannerStore store, string programId)
    {
        if (await Access.ProgramAsync(http, store, programId, PlannerAccess.Read) is { } denied)
        {
            return denied;
        }

        var (body, problem) = await Input.ReadJsonAsync<StartProgramRequest>(http);
        if (body is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(body.NewProgramId) || body.NewProgramId.Length > 64)
        {
            return Problems.BadRequest("'newProgramId' is required: the new program's id (at most 64 characters).");
        }

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            return Problems.BadRequest("'name' is required.");
        }

        if (!Input.TryDate(body.StartDate, "startDate", out var start, out problem))
        {
            return problem;
        }

        if (await store.ProgramExistsAsync(body.NewProgramId, http.RequestAborted))
        {
            return Problems.Conflict("A program with this id exists already.");
        }

        var program = await store.StartProgramFromAsync(programId, body.NewProgramId, body.Name, start, http.RequestAborted);
        return TypedResults.Created((string?)null, Contracts.ToResponse(program));
    }

    // ---- Helpers -----------------------------------------------------------------------------

    private static PlannerApiOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<PlannerApiOptions>>().Value;

    private static ProblemHttpResult? StaleDay(HttpContext http, CalendarDay day)
    {
        var etag = ETags.Of(day);
        if (ETags.Matches(http.Request.Headers.IfMatch, etag, weak: false))
        {
            return null;
        }

        http.Response.Headers.ETag = etag;
        return Problems.PreconditionFailed("day", Contracts.ToResponse(day));
    }

    private static ProblemHttpResult? StaleSession(HttpContext http, CalendarDay day, CalendarSession session)
    {
        var etag = ETags.Of(session);
        if (ETags.Matches(http.Request.Headers.IfMatch, etag, weak: false))
        {
            return null;
        }

        http.Response.Headers.ETag = etag;
        return Problems.PreconditionFailed("session", Contracts.ToResponse(session, day));
    }

    /// <summary>A representation with its ETag; 304 when the request's If-None-Match names it.</summary>
    private static IResult Tagged<T>(HttpContext http, string etag, T body, bool conditional = true)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        return conditional && ETags.NotModified(http.Request, etag) ? TypedResults.StatusCode(304) : TypedResults.Ok(body);
    }

    /// <summary>A read whose ETag is a hash of the JSON it answers.</summary>
    private static IResult Cached<T>(HttpContext http, T body)
    {
        var json = JsonSerializer.Serialize(body, http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        return Tagged(http, ETags.Of(json), body);
    }

    private static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    private static RouteHandlerBuilder Body<T>(this RouteHandlerBuilder builder)
        where T : notnull => builder.Accepts<T>("application/json");
}
