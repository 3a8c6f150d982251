using System.Net;
using NodaTime;
using Planner.AspNetCore.Tests.Infrastructure;
using Planner.Testing;
using static Planner.AspNetCore.Tests.Infrastructure.Json;

namespace Planner.AspNetCore.Tests.Http;

/// <summary>50 clients at once: on different days all succeed; on one day with one ETag exactly one does.</summary>
public abstract class ConcurrencyTests<THost>(THost host)
    where THost : ApiHost
{
    private const int Clients = 50;

    protected THost Host { get; } = host;

    [Fact]
    public async Task Fifty_clients_editing_different_days_of_one_program_all_succeed()
    {
        var plan = await Host.SeedAsync("alice");
        var dates = Enumerable.Range(0, Clients).Select(i => SamplePlanStart.PlusDays(i % 28)).ToList();
        // 28 days in the plan: two rounds of clients, each round on distinct days.
        foreach (var round in dates.Chunk(28))
        {
            var urls = round.Select(date => $"{ApiHost.Prefix}/days/{plan.Day(date).Id}").ToList();
            var clients = urls.Select(_ => Host.Client("alice")).ToList();
            var etags = await Task.WhenAll(urls.Select(async (url, i) => ETag(await clients[i].GetAsync(url))));
            var responses = await Task.WhenAll(urls.Select((url, i) =>
                clients[i].SendAsync(Request(HttpMethod.Patch, url, Body(new { notes = $"client {i}" }), ifMatch: etags[i]))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            for (var i = 0; i < urls.Count; i++)
            {
                var day = await ReadAsync(await clients[i].GetAsync(urls[i]));
                Assert.Equal($"client {i}", day.GetProperty("notes").GetString());
            }
        }
    }

    [Fact]
    public async Task Fifty_clients_editing_one_day_with_one_etag_give_one_success_and_412_for_the_rest()
    {
        var plan = await Host.SeedAsync("alice");
        var url = $"{ApiHost.Prefix}/days/{plan.Day(new LocalDate(2024, 1, 9)).Id}";
        var clients = Enumerable.Range(0, Clients).Select(_ => Host.Client("alice")).ToList();
        var etag = ETag(await clients[0].GetAsync(url));

        var responses = await Task.WhenAll(clients.Select((client, i) =>
            client.SendAsync(Request(HttpMethod.Patch, url, Body(new { notes = $"client {i}" }), ifMatch: etag))));

        var winners = responses.Select((r, i) => (r, i)).Where(x => x.r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.PreconditionFailed))
        {
            await ProblemAsync(loser, HttpStatusCode.PreconditionFailed);
        }

        var day = await ReadAsync(await clients[0].GetAsync(url));
        Assert.Equal($"client {winners[0].i}", day.GetProperty("notes").GetString());
        Assert.Equal(ETag(winners[0].r), day.GetProperty("eTag").GetString());
    }

    private static LocalDate SamplePlanStart => SamplePlan.BaseStart;
}

public sealed class SqliteConcurrencyTests(SqliteApiHost host) : ConcurrencyTests<SqliteApiHost>(host), IClassFixture<SqliteApiHost>;

public sealed class PostgresConcurrencyTests(PostgresApiHost host) : ConcurrencyTests<PostgresApiHost>(host), IClassFixture<PostgresApiHost>;
