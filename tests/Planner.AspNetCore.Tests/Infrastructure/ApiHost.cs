using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.OpenApi;
using NodaTime;
using NodaTime.Testing;
using Planner.Testing;
using Planner.Testing.Databases;

namespace Planner.AspNetCore.Tests.Infrastructure;

/// <summary>Which test user may reach which program: the tests' <see cref="IPlannerAccessCheck"/>, by the X-User header.</summary>
public sealed class AccessList : IPlannerAccessCheck
{
    public const string Header = "X-User";

    private readonly ConcurrentDictionary<(string User, string ProgramId), PlannerAccess> _grants = new();

    public void Grant(string user, string programId, PlannerAccess access = PlannerAccess.Write) => _grants[(user, programId)] = access;

    public ValueTask<bool> CanAccessAsync(HttpContext httpContext, string programId, PlannerAccess access)
    {
        var user = httpContext.Request.Headers[Header].ToString();
        return ValueTask.FromResult(
            user.Length > 0 && _grants.TryGetValue((user, programId), out var granted) && (granted == PlannerAccess.Write || access == PlannerAccess.Read));
    }
}

/// <summary>
/// The API on one test database, in an in-process test server (WebApplicationFactory): a host that
/// registers the API's services, the tests' access list and a fake clock (2024-01-10 noon UTC), and maps
/// the API under /planner.
/// </summary>
public abstract class ApiHost(TestDatabase database) : IAsyncLifetime
{
    public const string Prefix = "/planner";

    public TestDatabase Database { get; } = database;

    public AccessList Access { get; } = new();

    public FakeClock Clock { get; } = new(Instant.FromUtc(2024, 1, 10, 12, 0));

    public WebApplicationFactory<ApiContext> Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        Factory = new Server(this);
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    /// <summary>A client signed in as <paramref name="user"/>; skips the test when the database is not available.</summary>
    public HttpClient Client(string user)
    {
        Database.SkipIfUnavailable();
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add(AccessList.Header, user);
        return client;
    }

    /// <summary>Seeds a fresh plan (see <see cref="SamplePlan"/>) that <paramref name="owner"/> may write.</summary>
    public async Task<SamplePlan> SeedAsync(string owner)
    {
        var plan = new SamplePlan();
        await plan.SaveAsync(Database);
        Access.Grant(owner, plan.Program.Id);
        return plan;
    }

    /// <summary>The services a host registers, shared with the Kestrel test.</summary>
    public void AddServices(IServiceCollection services)
    {
        services.AddDbContext<ApiContext>(options => Database.Configure(options));
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<IPlannerAccessCheck>(Access);
        services.AddPlannerApi<ApiContext>(options => options.FeedDomain = "test.planner.invalid");
        services.AddOpenApi();
    }

    private sealed class Server(ApiHost host) : WebApplicationFactory<ApiContext>
    {
        protected override IHostBuilder CreateHostBuilder() =>
            Host.CreateDefaultBuilder()
                .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
                .ConfigureWebHostDefaults(web => web
                    .UseContentRoot(AppContext.BaseDirectory)
                    .ConfigureServices(host.AddServices)
                    .Configure(app =>
                    {
                        app.UseRouting();
                        app.UseEndpoints(endpoints =>
                        {
                            endpoints.MapPlannerApi(Prefix);
                            endpoints.MapOpenApi();
                        });
                    }));

        // The factory guesses a content root from the solution's layout; this host has no files to serve.
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);
    }
}

public sealed class SqliteApiHost() : ApiHost(new ApiSqliteDatabase());

public sealed class PostgresApiHost() : ApiHost(new ApiPostgresDatabase());
