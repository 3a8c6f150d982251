using System.Net;
using NodaTime;
using Planner.AspNetCore.Tests.Infrastructure;
using Planner.Testing;
using static Planner.AspNetCore.Tests.Infrastructure.Json;

namespace Planner.AspNetCore.Tests.Feeds;

/// <summary>The calendar feed: tokens, RFC 5545 text read back by an independent parser, ETag and SEQUENCE.</summary>
public abstract class FeedTests<THost>(THost host)
    where THost : ApiHost
{
    protected THost Host { get; } = host;

    private async Task<(SamplePlan Plan, string Id, string Url)> FeedAsync(HttpClient client)
    {
        var plan = await Host.SeedAsync("alice");
        var created = await client.PostAsync($"{ApiHost.Prefix}/programs/{plan.Program.Id}/feeds", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ReadAsync(created);
        var url = body.GetProperty("url").GetString()!;
        Assert.Equal(url, created.Headers.Location?.ToString());
        return (plan, body.GetProperty("id").GetString()!, new Uri(url).PathAndQuery);
    }

    [Fact]
    public async Task The_feed_is_read_back_by_an_independent_parser_with_every_event_uid_and_date()
    {
        FeedParser.SkipIfUnavailable();
        var client = Host.Client("alice");
        var (plan, _, url) = await FeedAsync(client);

        var anonymous = Host.Factory.CreateClient(); // calendar apps cannot sign in: the token is enough
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=900", response.Headers.CacheControl?.ToString());
        var feed = await FeedParser.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal("2.0", feed.GetProperty("version").GetString());
        var events = feed.GetProperty("events").EnumerateArray().ToList();
        var sessions = plan.Days.OrderBy(d => d.Date).SelectMany(d => d.Sessions.OrderBy(s => s.Position).Select(s => (Day: d, Session: s))).ToList();
        Assert.Equal(sessions.Count, events.Count);
        for (var i = 0; i < sessions.Count; i++)
        {
            var (day, session) = sessions[i];
            Assert.Equal($"{session.Id}@test.planner.invalid", events[i].GetProperty("uid").GetString());
            Assert.Equal(day.Date.ToString("yyyy-MM-dd", null), events[i].GetProperty("date").GetString());
            Assert.Equal(day.Date.PlusDays(1).ToString("yyyy-MM-dd", null), events[i].GetProperty("end").GetString());
            Assert.Equal(0, events[i].GetProperty("sequence").GetInt32());
        }

        // AM before PM on a Sunday, the day's name in the description.
        var sunday = events.Where(e => e.GetProperty("date").GetString() == "2024-01-07").ToList();
        Assert.StartsWith("1/2 AM:", sunday[0].GetProperty("summary").GetString());
        Assert.StartsWith("2/2 PM:", sunday[1].GetProperty("summary").GetString());
        Assert.Contains("LongRun Run Day", sunday[1].GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_second_fetch_with_the_etag_is_304_and_an_edit_changes_sequence_and_last_modified()
    {
        FeedParser.SkipIfUnavailable();
        var client = Host.Client("alice");
        var (plan, _, url) = await FeedAsync(client);
        var first = await client.GetAsync(url);
        var again = await client.SendAsync(Request(HttpMethod.Get, url, ifNoneMatch: ETag(first)));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);

        // Edit the day of 2024-01-03: its notes go into the description, its session's SEQUENCE goes up.
        Host.Clock.Advance(Duration.FromMinutes(5));
        var day = $"{ApiHost.Prefix}/days/{plan.Day(new LocalDate(2024, 1, 3)).Id}";
        var etag = ETag(await client.GetAsync(day));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request(HttpMethod.Patch, day, Body(new { notes = "windy" }), ifMatch: etag))).StatusCode);

        var changed = await client.SendAsync(Request(HttpMethod.Get, url, ifNoneMatch: ETag(first)));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var before = await FeedParser.ParseAsync(await first.Content.ReadAsStringAsync());
        var after = await FeedParser.ParseAsync(await changed.Content.ReadAsStringAsync());
        var uid = $"{plan.Day(new LocalDate(2024, 1, 3)).Sessions.Single().Id}@test.planner.invalid";
        var old = before.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("uid").GetString() == uid);
        var edited = after.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("uid").GetString() == uid);
        Assert.Equal(1, edited.GetProperty("sequence").GetInt32());
        Assert.NotEqual(old.GetProperty("last_modified").GetString(), edited.GetProperty("last_modified").GetString());
        Assert.Contains("Day notes: windy", edited.GetProperty("description").GetString());
        var untouched = after.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("uid").GetString() != uid);
        Assert.All(untouched, e => Assert.Equal(0, e.GetProperty("sequence").GetInt32()));
    }

    [Fact]
    public async Task Wrong_or_revoked_tokens_are_404_and_only_writers_make_tokens()
    {
        var client = Host.Client("alice");
        var (plan, id, url) = await FeedAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        var forged = url[..^8] + (url[^8] == 'A' ? "B" : "A") + url[^7..];
        await ProblemAsync(await client.GetAsync(forged), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync($"{ApiHost.Prefix}/feeds/not-a-token.ics"), HttpStatusCode.NotFound);

        await ProblemAsync(await Host.Client("bob").PostAsync($"{ApiHost.Prefix}/programs/{plan.Program.Id}/feeds", null), HttpStatusCode.NotFound);
        await ProblemAsync(await Host.Client("bob").DeleteAsync($"{ApiHost.Prefix}/programs/{plan.Program.Id}/feeds/{id}"), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{ApiHost.Prefix}/programs/{plan.Program.Id}/feeds/{id}")).StatusCode);
        await ProblemAsync(await client.GetAsync(url), HttpStatusCode.NotFound);
        await ProblemAsync(await client.DeleteAsync($"{ApiHost.Prefix}/programs/{plan.Program.Id}/feeds/{id}"), HttpStatusCode.NotFound);
    }
}

public sealed class SqliteFeedTests(SqliteApiHost host) : FeedTests<SqliteApiHost>(host), IClassFixture<SqliteApiHost>;

public sealed class PostgresFeedTests(PostgresApiHost host) : FeedTests<PostgresApiHost>(host), IClassFixture<PostgresApiHost>;
