using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Planner.AspNetCore.Http;
using Planner.Model.Planning;

namespace Planner.AspNetCore.Feeds;

/// <summary>The calendar feed (RFC 5545) and its tokens.</summary>
internal static class FeedEndpoints
{
    public static async Task<IResult> CreateToken(HttpContext http, PlannerStore store, string programId, LinkGenerator links, IClock clock)
    {
        if (await Access.ProgramAsync(http, store, programId, PlannerAccess.Write) is { } denied)
        {
            return denied;
        }

        var (id, token, hash) = FeedTokens.Create();
        store.Db.Set<FeedToken>().Add(new FeedToken
        {
            Id = id,
            ProgramId = programId,
            SecretHash = hash,
            CreatedAtUnixMs = clock.GetCurrentInstant().ToUnixTimeMilliseconds(),
        });
        await store.Db.SaveChangesAsync(http.RequestAborted);
        var url = links.GetUriByName(http, PlannerEndpoints.FeedRouteName, new { token }) ?? string.Empty;
        return TypedResults.Created(url, new FeedTokenResponse(id, programId, token, url));
    }

    public static async Task<IResult> RevokeToken(HttpContext http, PlannerStore store, string programId, string feedId, IClock clock)
    {
        if (await Access.ProgramAsync(http, store, programId, PlannerAccess.Write) is { } denied)
        {
            return denied;
        }

        var row = await store.Db.Set<FeedToken>().FirstOrDefaultAsync(t => t.Id == feedId && t.ProgramId == programId, http.RequestAborted);
        if (row is null || row.RevokedAtUnixMs is not null)
        {
            return Problems.NotFound("feed");
        }

        row.RevokedAtUnixMs = clock.GetCurrentInstant().ToUnixTimeMilliseconds();
        await store.Db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> Feed(HttpContext http, PlannerStore store, string token, IClock clock)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<PlannerApiOptions>>().Value;
        if (!FeedTokens.TryParse(token, out var id, out var presented))
        {
            return Problems.NotFound("feed");
        }

        var row = await store.Db.Set<FeedToken>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, http.RequestAborted);
        if (row is null || row.RevokedAtUnixMs is not null || !FeedTokens.Matches(row.SecretHash, presented))
        {
            return Problems.NotFound("feed");
        }

        var program = await store.ProgramAsync(row.ProgramId, http.RequestAborted);
        if (program is null)
        {
            return Problems.NotFound("feed");
        }

        var days = new List<CalendarDay>();
        if (program.StartDate is { } start && program.EndDate is { } end)
        {
            // Read in windows no longer than the API allows one read to be.
            for (var from = start; from <= end; from = from.PlusDays(options.MaxWindowDays))
            {
                var to = LocalDate.Min(end, from.PlusDays(options.MaxWindowDays - 1));
                days.AddRange((await store.CalendarAsync(program.Id, from, to, http.RequestAborted)).Days);
            }
        }

        var versions = await Versions(store.Db, days, clock, http.RequestAborted);
        var text = Write(program.Name, days, versions, options.FeedDomain);
        var etag = ETags.Of(text);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = $"private, max-age={(int)options.FeedMaxAge.TotalSeconds}";
        if (ETags.NotModified(http.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Text(text, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>
    /// Each session's <c>SEQUENCE</c> and <c>LAST-MODIFIED</c>: stored per session with a fingerprint of
    /// the session's and its day's stamps, date and position; a changed fingerprint bumps the sequence
    /// and sets the time to now. Two feeds read at once may both try to store a version: the loser
    /// serves what it computed, and the next read finds the stored one.
    /// </summary>
    private static async Task<Dictionary<string, FeedEventState>> Versions(DbContext db, List<CalendarDay> days, IClock clock, CancellationToken ct)
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            foreach (var session in day.Sessions)
            {
                fingerprints[session.Id] = ETags.Hash($"{session.ConcurrencyStamp}|{day.ConcurrencyStamp}|{Contracts.Iso(day.Date)}|{session.Position}");
            }
        }

        var ids = fingerprints.Keys.ToList();
        var stored = new Dictionary<string, FeedEventState>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var state in await db.Set<FeedEventState>().Where(s => chunk.Contains(s.SessionId)).ToListAsync(ct))
            {
                stored[state.SessionId] = state;
            }
        }

        var now = clock.GetCurrentInstant().ToUnixTimeMilliseconds();
        var changed = false;
        foreach (var (sessionId, fingerprint) in fingerprints)
        {
            if (!stored.TryGetValue(sessionId, out var state))
            {
                state = new FeedEventState { SessionId = sessionId, Fingerprint = fingerprint, Sequence = 0, LastModifiedUnixMs = now };
                db.Set<FeedEventState>().Add(state);
                stored[sessionId] = state;
                changed = true;
            }
            else if (state.Fingerprint != fingerprint)
            {
                state.Fingerprint = fingerprint;
                state.Sequence++;
                state.LastModifiedUnixMs = now;
                changed = true;
            }
        }

        if (changed)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another read stored the same versions first: serve these, the next read sees theirs.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return stored;
    }

    private static string Write(string programName, List<CalendarDay> days, Dictionary<string, FeedEventState> versions, string domain)
    {
        var calendar = new Calendar { ProductId = "-//Planner//Planner.AspNetCore//EN" };
        calendar.AddProperty("X-WR-CALNAME", programName);
        foreach (var day in days)
        {
            var count = day.Sessions.Count;
            foreach (var session in day.Sessions)
            {
                var version = versions[session.Id];
                var modified = new CalDateTime(DateTimeOffset.FromUnixTimeMilliseconds(version.LastModifiedUnixMs).UtcDateTime, "UTC");
                var summary = session.TemplateName;
                if (!string.IsNullOrWhiteSpace(session.Slot))
                {
                    summary = $"{session.Slot.ToUpperInvariant()}: {summary}";
                }

                if (count > 1)
                {
                    // All-day events have no time to sort by: the position keeps AM before PM in any app.
                    summary = $"{session.Position + 1}/{count} {summary}";
                }

                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"{session.Id}@{domain}",
                    Summary = summary,
                    Description = Description(day, session) is { Length: > 0 } description ? description : null,
                    DtStart = new CalDateTime(day.Date.Year, day.Date.Month, day.Date.Day),
                    DtEnd = new CalDateTime(day.Date.PlusDays(1).Year, day.Date.PlusDays(1).Month, day.Date.PlusDays(1).Day),
                    Sequence = version.Sequence,
                    LastModified = modified,
                    DtStamp = modified,
                    Transparency = TransparencyType.Transparent,
                });
            }
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string Description(CalendarDay day, CalendarSession session)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(day.Name))
        {
            lines.Add(day.Name);
        }

        if (!string.IsNullOrWhiteSpace(session.Notes))
        {
            lines.Add(session.Notes);
        }

        if (!string.IsNullOrWhiteSpace(day.Notes))
        {
            lines.Add($"Day notes: {day.Notes}");
        }

        if (session.IsCompleted)
        {
            lines.Add("Completed.");
        }

        return string.Join("\n", lines);
    }
}
