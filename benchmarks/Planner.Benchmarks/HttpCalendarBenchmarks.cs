using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Planner.AspNetCore;
using Planner.Model.Planning;

namespace Planner.Benchmarks;

/// <summary>
/// What does HTTP add to a calendar read? A 7-day window of <see cref="CalendarPlan"/> on a SQLite file, read
/// through the HTTP API in an in-process TestServer (routing, access check, JSON, ETag) against the same
/// read through <see cref="PlanningService"/> from a fresh DI scope (so both pay for a new DbContext).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HttpCalendarBenchmarks
{
    private const string ProgramId = "bench-http-program";
    private static readonly LocalDate Start = new(2024, 1, 1);
    private static readonly LocalDate From = new(2024, 6, 3);
    private static readonly LocalDate To = From.PlusDays(6);

    private string _path = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _url = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _path = Path.Combine(Path.GetTempPath(), $"planner-bench-http-{Guid.NewGuid():N}.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = _path }.ToString();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<HttpBenchContext>(o => o.UseSqlite(connection));
        builder.Services.AddSingleton<IClock>(new FixedClock(Instant.FromUtc(2024, 6, 5, 12, 0)));
        builder.Services.AddSingleton<IPlannerAccessCheck, EveryoneMayRead>();
        builder.Services.AddPlannerApi<HttpBenchContext>();
        _app = builder.Build();
        _app.MapPlannerApi("/planner");

        using (var scope = _app.Services.CreateScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<HttpBenchContext>();
            await context.Database.EnsureCreatedAsync();
            CalendarPlan.Seed(context, ProgramId, Start);
        }

        await _app.StartAsync();
        _client = _app.GetTestClient();
        _url = $"/planner/programs/{ProgramId}/calendar?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}";
        var check = await _client.GetAsync(new Uri(_url, UriKind.Relative));
        check.EnsureSuccessStatusCode();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true)]
    public async Task<CalendarWindow> PlanningService()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanningService>().CalendarAsync(ProgramId, From, To);
    }

    [Benchmark]
    public async Task<byte[]> Http()
    {
        using var response = await _client.GetAsync(new Uri(_url, UriKind.Relative));
        return await response.Content.ReadAsByteArrayAsync();
    }

    public sealed class HttpBenchContext(DbContextOptions<HttpBenchContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyPlannerModel();
            modelBuilder.ApplyPlannerFeeds();
        }
    }

    private sealed class EveryoneMayRead : IPlannerAccessCheck
    {
        public ValueTask<bool> CanAccessAsync(HttpContext httpContext, string programId, PlannerAccess access) => ValueTask.FromResult(true);
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
