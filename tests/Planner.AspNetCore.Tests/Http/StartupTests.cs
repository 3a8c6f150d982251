using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Planner.AspNetCore.Tests.Infrastructure;
using static Planner.AspNetCore.Tests.Infrastructure.Json;

namespace Planner.AspNetCore.Tests.Http;

/// <summary>What a host gets at startup, and the API on a real Kestrel server.</summary>
public sealed class StartupTests(SqliteApiHost host) : IClassFixture<SqliteApiHost>
{
    [Fact]
    public void Without_an_access_check_the_api_refuses_to_start()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddDbContext<ApiContext>(o => host.Database.Configure(o));
        builder.Services.AddSingleton<IClock>(host.Clock);
        builder.Services.AddPlannerApi<ApiContext>();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapPlannerApi("/planner"));
        Assert.Contains("IPlannerAccessCheck", error.Message);
    }

    [Fact]
    public void Without_AddPlannerApi_the_api_refuses_to_start()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddSingleton<IPlannerAccessCheck>(host.Access);
        using var app = builder.Build();

        Assert.Throws<InvalidOperationException>(() => app.MapPlannerApi("/planner"));
    }

    [Fact]
    public async Task The_api_answers_on_a_real_kestrel_server_on_loopback()
    {
        host.Database.SkipIfUnavailable();
        var plan = await host.SeedAsync("alice");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        host.AddServices(builder.Services);
        await using var app = builder.Build();
        app.MapPlannerApi("/planner");
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            Assert.StartsWith("http://127.0.0.1:", address);
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add(AccessList.Header, "alice");

            var day = $"/planner/days/{plan.Day(new LocalDate(2024, 1, 2)).Id}";
            var read = await client.GetAsync(day);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var write = await client.SendAsync(Request(HttpMethod.Patch, day, Body(new { notes = "over TCP" }), ifMatch: ETag(read)));
            Assert.Equal(HttpStatusCode.OK, write.StatusCode);
            await ProblemAsync(await client.SendAsync(Request(HttpMethod.Patch, day, Body(new { notes = "stale" }), ifMatch: ETag(read))), HttpStatusCode.PreconditionFailed);

            // Kestrel's own limit on the body is set from MaxRequestBodySize, and a large body is refused.
            var huge = Raw("{\"notes\": \"" + new string('x', 200 * 1024) + "\"}");
            var refused = await client.SendAsync(Request(HttpMethod.Patch, day, huge, ifMatch: ETag(write)));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
