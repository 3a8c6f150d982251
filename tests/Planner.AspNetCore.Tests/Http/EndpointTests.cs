using System.Net;
using System.Text.Json;
using NodaTime;
using Planner.AspNetCore.Tests.Infrastructure;
using Planner.Testing;
using static Planner.AspNetCore.Tests.Infrastructure.Json;

namespace Planner.AspNetCore.Tests.Http;

/// <summary>The endpoint suite, each status with its body, on SQLite and PostgreSQL (each test seeds its own program).</summary>
public abstract class EndpointTests<THost>(THost host)
    where THost : ApiHost
{
    protected const string Alice = "alice";
    protected const string Bob = "bob";

    protected THost Host { get; } = host;

    protected static string DayUrl(SamplePlan plan, LocalDate date) => $"{ApiHost.Prefix}/days/{plan.Day(date).Id}";

    protected static string SessionUrl(SamplePlan plan, LocalDate date, int position) =>
        $"{ApiHost.Prefix}/sessions/{plan.Day(date).Sessions.Single(s => s.Position == position).Id}";

    protected static string ProgramUrl(SamplePlan plan, string rest) => $"{ApiHost.Prefix}/programs/{plan.Program.Id}/{rest}";

    /// <summary>A change set's or a refusal's conflicts, as "date subject", in order.</summary>
    protected static string[] Conflicts(JsonElement body) =>
        body.GetProperty("conflicts").EnumerateArray()
            .Select(c => $"{c.GetProperty("date").GetString()} {c.GetProperty("subject").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public async Task Calendar_window_is_200_with_days_sessions_and_etags_then_304_for_its_etag()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);

        var response = await client.GetAsync(ProgramUrl(plan, "calendar?from=2024-01-06&to=2024-01-07"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadAsync(response);
        Assert.Equal("2024-01-06", body.GetProperty("from").GetString());
        var days = body.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2024-01-06", "2024-01-07"], days.Select(d => d.GetProperty("date").GetString()));
        var sunday = days[1];
        Assert.Equal(["am", "pm"], sunday.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("slot").GetString()));
        Assert.StartsWith("\"", sunday.GetProperty("eTag").GetString());
        Assert.Equal(7, sunday.GetProperty("sessions")[1].GetProperty("completion").GetProperty("rpe").GetInt32());

        var again = await client.SendAsync(Request(HttpMethod.Get, ProgramUrl(plan, "calendar?from=2024-01-06&to=2024-01-07"), ifNoneMatch: ETag(response)));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Day_read_has_the_etag_a_write_needs_and_304_for_it()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);

        var response = await client.GetAsync(DayUrl(plan, new LocalDate(2024, 1, 7)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadAsync(response);
        Assert.Equal(ETag(response), body.GetProperty("eTag").GetString());
        Assert.Equal("LongRun Run Day", body.GetProperty("name").GetString());

        var again = await client.SendAsync(Request(HttpMethod.Get, DayUrl(plan, new LocalDate(2024, 1, 7)), ifNoneMatch: ETag(response)));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Today_week_and_compliance_use_the_callers_zone()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);

        // 2024-01-10 12:00 UTC is already the 11th in Auckland.
        var today = await ReadAsync(await client.GetAsync(ProgramUrl(plan, "today?zone=Pacific/Auckland")));
        Assert.Equal("2024-01-11", today.GetProperty("days")[0].GetProperty("date").GetString());
        var week = await ReadAsync(await client.GetAsync(ProgramUrl(plan, "week?zone=Europe/Paris")));
        Assert.Equal("2024-01-08", week.GetProperty("from").GetString());
        Assert.Equal(7, week.GetProperty("days").GetArrayLength());

        var blocks = await ReadAsync(await client.GetAsync(ProgramUrl(plan, "compliance/blocks?zone=Europe/Paris")));
        Assert.Equal("Base Builder", blocks[0].GetProperty("name").GetString());
        Assert.Equal(2, blocks[0].GetProperty("compliance").GetProperty("completed").GetInt32()); // its two Sundays
        var weeks = await ReadAsync(await client.GetAsync(ProgramUrl(plan, "compliance/weeks?zone=Europe/Paris")));
        Assert.Equal("2024-01-01", weeks[0].GetProperty("weekStart").GetString());
    }

    [Fact]
    public async Task Goals_list_only_the_programs_and_blocks_the_user_may_see()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);

        var programs = await ReadAsync(await client.GetAsync($"{ApiHost.Prefix}/goals/{plan.Goal.Id}/programs"));
        Assert.Equal(plan.Program.Id, programs[0].GetProperty("id").GetString());
        var blocks = await ReadAsync(await client.GetAsync($"{ApiHost.Prefix}/goals/{plan.Goal.Id}/blocks"));
        Assert.Equal(plan.Base.Id, blocks[0].GetProperty("id").GetString());

        var bobs = await ReadAsync(await Host.Client(Bob).GetAsync($"{ApiHost.Prefix}/goals/{plan.Goal.Id}/programs"));
        Assert.Equal(0, bobs.GetArrayLength());
    }

    [Theory]
    [InlineData("calendar?from=2024-13-01&to=2024-01-07", "yyyy-MM-dd")]
    [InlineData("calendar?from=yesterday&to=2024-01-07", "yyyy-MM-dd")]
    [InlineData("calendar?to=2024-01-07", "'from' is required")]
    [InlineData("calendar?from=2024-01-08&to=2024-01-07", "before")]
    [InlineData("calendar?from=2024-01-01&to=2026-01-01", "at most 366")]
    [InlineData("today?zone=Mars/Olympus_Mons", "IANA")]
    [InlineData("week", "IANA")]
    [InlineData("compliance/weeks?zone=EST5EDT%20", "IANA")]
    public async Task Bad_dates_zones_and_spans_are_400_saying_what_was_expected(string query, string expected)
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);

        var body = await ProblemAsync(await client.GetAsync(ProgramUrl(plan, query)), HttpStatusCode.BadRequest);
        Assert.Contains(expected, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_forged_and_other_users_ids_are_404_alike()
    {
        var alice = Host.Client(Alice);
        var bob = Host.Client(Bob);
        var stranger = Host.Client("mallory");
        var plan = await Host.SeedAsync(Alice);
        var bobsPlan = await Host.SeedAsync(Bob);
        var day = DayUrl(plan, new LocalDate(2024, 1, 7));

        foreach (var (client, url) in new[]
        {
            (alice, $"{ApiHost.Prefix}/days/no-such-day"),
            (alice, $"{ApiHost.Prefix}/days/{bobsPlan.Day(new LocalDate(2024, 1, 7)).Id}"),
            (alice, SessionUrl(bobsPlan, new LocalDate(2024, 1, 7), 0)),
            (alice, ProgramUrl(bobsPlan, "calendar?from=2024-01-01&to=2024-01-07")),
            (bob, day),
            (stranger, ProgramUrl(plan, "today?zone=UTC")),
            (alice, $"{ApiHost.Prefix}/programs/../programs/x/calendar?from=2024-01-01&to=2024-01-02"),
        })
        {
            var body = await ProblemAsync(await client.GetAsync(url), HttpStatusCode.NotFound);
            Assert.Equal("Not found.", body.GetProperty("title").GetString());
        }

        // A write with a forged or foreign id is refused the same way, and Bob's day is untouched.
        var read = await bob.GetAsync($"{ApiHost.Prefix}/days/{bobsPlan.Day(new LocalDate(2024, 1, 7)).Id}");
        var write = await alice.SendAsync(Request(HttpMethod.Patch, $"{ApiHost.Prefix}/days/{bobsPlan.Day(new LocalDate(2024, 1, 7)).Id}", Body(new { notes = "mine now" }), ifMatch: ETag(read)));
        await ProblemAsync(write, HttpStatusCode.NotFound);
        var after = await ReadAsync(await bob.GetAsync($"{ApiHost.Prefix}/days/{bobsPlan.Day(new LocalDate(2024, 1, 7)).Id}"));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("notes").ValueKind);
    }

    [Fact]
    public async Task A_reader_may_read_but_not_write()
    {
        var plan = await Host.SeedAsync(Alice);
        Host.Access.Grant("coach", plan.Program.Id, PlannerAccess.Read);
        var coach = Host.Client("coach");
        var day = DayUrl(plan, new LocalDate(2024, 1, 3));

        var read = await coach.GetAsync(day);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await ProblemAsync(await coach.SendAsync(Request(HttpMethod.Patch, day, Body(new { notes = "x" }), ifMatch: ETag(read))), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Day_patch_without_if_match_is_428_stale_is_412_with_the_current_day_fresh_is_200()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);
        var day = DayUrl(plan, new LocalDate(2024, 1, 7));
        var read = await client.GetAsync(day);
        var etag = ETag(read);

        var missing = await ProblemAsync(await client.SendAsync(Request(HttpMethod.Patch, day, Body(new { notes = "x" }))), HttpStatusCode.PreconditionRequired);
        Assert.Contains("If-Match", missing.GetProperty("detail").GetString());

        var ok = await client.SendAsync(Request(HttpMethod.Patch, day, Body(new { notes = "felt strong", readiness = 8 }), ifMatch: etag));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var updated = await ReadAsync(ok);
        Assert.Equal("felt strong", updated.GetProperty("notes").GetString());
        Assert.Equal("LongRun Run Day", updated.GetProperty("name").GetString()); // left out: kept
        Assert.Equal(8, updated.GetProperty("readiness").GetInt32());
        Assert.NotEqual(etag, ETag(ok));
        Assert.Equal(ETag(ok), updated.GetProperty("eTag").GetString());

        var stale = await client.SendAsync(Request(HttpMethod.Patch, day, Body(new { notes = "lost update" }), ifMatch: etag));
        var problem = await ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal("felt strong", problem.GetProperty("current").GetProperty("notes").GetString());
        Assert.Equal(ETag(ok), ETag(stale));
        Assert.Equal(ETag(ok), problem.GetProperty("current").GetProperty("eTag").GetString());

        var cleared = await ReadAsync(await client.SendAsync(Request(HttpMethod.Patch, day, Body(new { name = (string?)null }), ifMatch: ETag(ok))));
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("name").ValueKind);
        Assert.Equal("felt strong", cleared.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task A_session_completed_changes_its_days_etag()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);
        var day = await client.GetAsync(DayUrl(plan, new LocalDate(2024, 1, 3)));
        var session = await client.GetAsync(SessionUrl(plan, new LocalDate(2024, 1, 3), 0));

        var done = await client.SendAsync(Request(HttpMethod.Put, SessionUrl(plan, new LocalDate(2024, 1, 3), 0) + "/completion", Body(new { rpe = 6, durationMinutes = 44 }), ifMatch: ETag(session)));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var body = await ReadAsync(done);
        Assert.True(body.GetProperty("isCompleted").GetBoolean());
        Assert.Equal(6, body.GetProperty("completion").GetProperty("rpe").GetInt32());

        var dayAgain = await client.SendAsync(Request(HttpMethod.Get, DayUrl(plan, new LocalDate(2024, 1, 3)), ifNoneMatch: ETag(day)));
        Assert.Equal(HttpStatusCode.OK, dayAgain.StatusCode);
        Assert.NotEqual(ETag(day), ETag(dayAgain));
    }

    [Theory]
    [InlineData("{\"notes\": ", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"readiness\": 11}", "1 to 10")]
    [InlineData("{\"readiness\": \"high\"}", "1 to 10")]
    [InlineData("{\"name\": 5}", "string or null")]
    [InlineData("{\"blockId\": \"other\"}", "Unknown field")]
    public async Task Malformed_or_invalid_day_bodies_are_400(string json, string expected)
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);
        var day = DayUrl(plan, new LocalDate(2024, 1, 2));
        var etag = ETag(await client.GetAsync(day));

        var body = await ProblemAsync(await client.SendAsync(Request(HttpMethod.Patch, day, Raw(json), ifMatch: etag)), HttpStatusCode.BadRequest);
        Assert.Contains(expected, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Oversized_bodies_are_413_and_other_media_types_415()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);
        var day = DayUrl(plan, new LocalDate(2024, 1, 2));
        var etag = ETag(await client.GetAsync(day));

        var huge = Raw("{\"notes\": \"" + new string('x', 70 * 1024) + "\"}");
        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Patch, day, huge, ifMatch: etag)), HttpStatusCode.RequestEntityTooLarge);

        var text = new StringContent("notes=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        // Refused by routing (the endpoint accepts application/json only), before the handler runs.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.SendAsync(Request(HttpMethod.Patch, day, text, ifMatch: etag))).StatusCode);
    }

    [Fact]
    public async Task Sessions_are_added_201_reordered_moved_and_removed_204_each_with_its_etag()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);
        var date = new LocalDate(2024, 1, 3);
        var day = DayUrl(plan, date);
        var dayEtag = ETag(await client.GetAsync(day));

        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Post, day + "/sessions", Body(new { templateId = plan.LongRun.Id }))), HttpStatusCode.PreconditionRequired);
        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Post, day + "/sessions", Body(new { slot = "pm" }), ifMatch: dayEtag)), HttpStatusCode.BadRequest);

        var added = await client.SendAsync(Request(HttpMethod.Post, day + "/sessions", Body(new { templateId = plan.LongRun.Id, slot = "pm", notes = "hills" }), ifMatch: dayEtag));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var session = await ReadAsync(added);
        Assert.Equal($"{ApiHost.Prefix}/sessions/{session.GetProperty("id").GetString()}", added.Headers.Location?.ToString());
        Assert.Equal(1, session.GetProperty("position").GetInt32());
        Assert.Equal(ETag(added), session.GetProperty("eTag").GetString());

        // The day changed: the old ETag is stale for the next list edit.
        var first = plan.Day(date).Sessions.Single().Id;
        var newId = session.GetProperty("id").GetString()!;
        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Put, day + "/sessions/order", Body(new { sessionIds = new[] { newId, first } }), ifMatch: dayEtag)), HttpStatusCode.PreconditionFailed);
        var fresh = ETag(await client.GetAsync(day));
        var reordered = await client.SendAsync(Request(HttpMethod.Put, day + "/sessions/order", Body(new { sessionIds = new[] { newId, first } }), ifMatch: fresh));
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.Equal([newId, first], (await ReadAsync(reordered)).GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        // Move the new session to the 4th.
        var sessionUrl = $"{ApiHost.Prefix}/sessions/{newId}";
        var sessionEtag = ETag(await client.GetAsync(sessionUrl));
        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Post, sessionUrl + "/move", Body(new { date = "04/01/2024" }), ifMatch: sessionEtag)), HttpStatusCode.BadRequest);
        var moved = await client.SendAsync(Request(HttpMethod.Post, sessionUrl + "/move", Body(new { date = "2024-01-04" }), ifMatch: sessionEtag));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var target = await ReadAsync(moved);
        Assert.Equal("2024-01-04", target.GetProperty("date").GetString());
        Assert.Contains(newId, target.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        // Remove it: stale ETag 412, then 204, then 404.
        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Delete, sessionUrl, ifMatch: sessionEtag)), HttpStatusCode.PreconditionFailed);
        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Delete, sessionUrl)), HttpStatusCode.PreconditionRequired);
        var current = ETag(await client.GetAsync(sessionUrl));
        var removed = await client.SendAsync(Request(HttpMethod.Delete, sessionUrl, ifMatch: current));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await ProblemAsync(await client.GetAsync(sessionUrl), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_move_to_a_date_no_block_covers_is_400_and_an_unknown_template_404()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);
        var sessionUrl = SessionUrl(plan, new LocalDate(2024, 1, 3), 0);
        var etag = ETag(await client.GetAsync(sessionUrl));

        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Post, sessionUrl + "/move", Body(new { date = "2030-01-01" }), ifMatch: etag)), HttpStatusCode.BadRequest);

        var day = DayUrl(plan, new LocalDate(2024, 1, 3));
        var dayEtag = ETag(await client.GetAsync(day));
        await ProblemAsync(await client.SendAsync(Request(HttpMethod.Post, day + "/sessions", Body(new { templateId = "tpl-none" }), ifMatch: dayEtag)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Shift_preview_writes_nothing_logged_work_in_the_way_is_409_and_a_resolution_applies_it()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);
        var shift = $"{ApiHost.Prefix}/blocks/{plan.Peak.Id}/shift";
        var before = await ReadAsync(await client.GetAsync(ProgramUrl(plan, "calendar?from=2024-01-15&to=2024-02-04")));

        var preview = await client.PostAsync(shift + "/preview", Body(new { days = 7 }));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var changes = await ReadAsync(preview);
        Assert.Equal("2024-01-22", changes.GetProperty("start").GetString());
        // The sample plan's Peak (2024-01-15..28) has a completed session and a named day on each Sunday. Moved a week
        // later (2024-01-22..02-04), the 21st lies outside it (its session and its day stay where they are) and the
        // 28th's logged session is not what the moved plan puts there (the 21st's sessions).
        string[] conflicts = ["2024-01-21 day", "2024-01-21 session", "2024-01-28 session"];
        Assert.Equal(conflicts, Conflicts(changes));
        var unchanged = await ReadAsync(await client.GetAsync(ProgramUrl(plan, "calendar?from=2024-01-15&to=2024-02-04")));
        Assert.Equal(before.GetRawText(), unchanged.GetRawText());

        var refused = await ProblemAsync(await client.PostAsync(shift, Body(new { days = 7 })), HttpStatusCode.Conflict);
        Assert.Equal(conflicts, Conflicts(refused));
        await ProblemAsync(await client.PostAsync(shift, Body(new { days = 7, onConflict = "sideways" })), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.PostAsync(shift, Body(new { days = 0 })), HttpStatusCode.BadRequest);

        var applied = await client.PostAsync(shift, Body(new { days = 7, onConflict = "keep" }));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var after = await ReadAsync(await client.GetAsync(ProgramUrl(plan, "calendar?from=2024-02-04&to=2024-02-04")));
        Assert.Equal(1, after.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task A_reschedule_with_a_weekly_pattern_previews_refuses_with_logged_work_then_applies()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);
        var reschedule = $"{ApiHost.Prefix}/blocks/{plan.Peak.Id}/reschedule";
        var body = new
        {
            start = "2024-01-15",
            end = "2024-01-28",
            weekly = new Dictionary<string, object[]> { ["monday"] = [new { templateId = plan.LongRun.Id, slot = "am" }] },
        };

        var preview = await ReadAsync(await client.PostAsync(reschedule + "/preview", Body(body)));
        Assert.Equal(["2024-01-21 session", "2024-01-28 session"], Conflicts(preview)); // the completed Sunday sessions: Mondays only now; the named days keep their dates
        Assert.Single((await ReadAsync(await client.GetAsync(DayUrl(plan, new LocalDate(2024, 1, 16))))).GetProperty("sessions").EnumerateArray()); // the preview wrote nothing

        await ProblemAsync(await client.PostAsync(reschedule, Body(body)), HttpStatusCode.Conflict);
        var bad = await ProblemAsync(await client.PostAsync(reschedule, Body(new { start = "2024-01-15", end = "2024-01-28", weekly = new { funday = Array.Empty<object>() } })), HttpStatusCode.BadRequest);
        Assert.Contains("weekdays", bad.GetProperty("detail").GetString());

        var applied = await client.PostAsync(reschedule, Body(new { body.start, body.end, body.weekly, onConflict = "keep" }));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var monday = await ReadAsync(await client.GetAsync(ProgramUrl(plan, "calendar?from=2024-01-22&to=2024-01-23")));
        Assert.Equal(plan.LongRun.Id, monday.GetProperty("days")[0].GetProperty("sessions")[0].GetProperty("templateId").GetString());
    }

    [Fact]
    public async Task A_shift_onto_another_block_is_409_and_writes_nothing()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);

        var refused = await ProblemAsync(await client.PostAsync($"{ApiHost.Prefix}/blocks/{plan.Base.Id}/shift", Body(new { days = 7, onConflict = "keep" })), HttpStatusCode.Conflict);
        Assert.Contains("overlap", refused.GetProperty("detail").GetString());
        var day = await ReadAsync(await client.GetAsync(DayUrl(plan, SamplePlan.BaseStart)));
        Assert.Equal("2024-01-01", day.GetProperty("date").GetString());
        await ProblemAsync(await client.PostAsync($"{ApiHost.Prefix}/blocks/no-such-block/shift", Body(new { days = 7 })), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_week_is_copied_and_a_program_started_from_another()
    {
        var client = Host.Client(Alice);
        var plan = await Host.SeedAsync(Alice);

        var copied = await client.PostAsync(ProgramUrl(plan, "weeks/copy"), Body(new { sourceStart = "2024-01-01", targetStart = "2024-01-15" }));
        Assert.Equal(HttpStatusCode.OK, copied.StatusCode);
        Assert.Equal("2024-01-15", (await ReadAsync(copied)).GetProperty("from").GetString());
        await ProblemAsync(await client.PostAsync(ProgramUrl(plan, "weeks/copy"), Body(new { sourceStart = "2024-01-01" })), HttpStatusCode.BadRequest);

        var newId = "prog-copy-" + Guid.NewGuid().ToString("N");
        var started = await client.PostAsync(ProgramUrl(plan, "start"), Body(new { newProgramId = newId, name = "Marathon 2025", startDate = "2025-01-06" }));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var program = await ReadAsync(started);
        Assert.Equal(newId, program.GetProperty("id").GetString());
        Assert.Equal("2025-01-06", program.GetProperty("startDate").GetString());

        var again = await client.PostAsync(ProgramUrl(plan, "start"), Body(new { newProgramId = newId, name = "Twice", startDate = "2025-01-06" }));
        await ProblemAsync(again, HttpStatusCode.Conflict);
    }
}

[Collection("sqlite-api")]
public sealed class SqliteEndpointTests(SqliteApiHost host) : EndpointTests<SqliteApiHost>(host), IClassFixture<SqliteApiHost>;

[Collection("postgres-api")]
public sealed class PostgresEndpointTests(PostgresApiHost host) : EndpointTests<PostgresApiHost>(host), IClassFixture<PostgresApiHost>;
