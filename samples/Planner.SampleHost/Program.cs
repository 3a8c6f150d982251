using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.AspNetCore;
using Planner.SampleHost;

// The planner's HTTP API over the `planner demo` database, with a demo sign-in. Run from the repository:
//   dotnet run --project src/Planner.Cli -- demo        (makes planner-demo.db)
//   dotnet run --project samples/Planner.SampleHost
var builder = WebApplication.CreateBuilder(args);
var database = Path.GetFullPath(builder.Configuration["Database"] ?? "planner-demo.db");
if (!File.Exists(database))
{
    Console.Error.WriteLine($"No demo database at {database}: run `dotnet run --project src/Planner.Cli -- demo` here first (or pass --Database PATH).");
    return 1;
}

builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:5080");
builder.Services.AddDbContext<SampleDbContext>(o => o.UseSqlite(new SqliteConnectionStringBuilder { DataSource = database, DefaultTimeout = 30 }.ToString()));
#pragma warning disable RS0030 // The sample is a composition root: it picks the system clock.
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
builder.Services.AddScoped<DemoUsers>();
builder.Services.AddScoped<IPlannerAccessCheck>(sp => sp.GetRequiredService<DemoUsers>());
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
builder.Services.AddPlannerApi<SampleDbContext>(o => o.FeedDomain = "planner-sample.invalid");
builder.Services.AddAuthentication(DemoAuthentication.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DemoAuthentication>(DemoAuthentication.SchemeName, null);
builder.Services.AddAuthorization();
builder.Services.AddOpenApi();

var app = builder.Build();
using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<SampleDbContext>().Database.ExecuteSqlRawAsync(SampleDbContext.FeedTablesSql);
}

app.UseAuthentication();
app.UseAuthorization();

app.MapPlannerApi("/planner").RequireAuthorization();
app.MapOpenApi();

// The demo's own routes: sign in, and list the signed-in user's programs.
app.MapPost("/demo/sign-in", (HttpContext http, string user) =>
{
    if (!DemoUsers.Known(user))
    {
        return Results.Problem("Demo users: ana, ben (athletes), coach (reads ana's programs).", statusCode: 400);
    }

    http.Response.Cookies.Append(DemoAuthentication.Cookie, user, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict });
    return Results.Ok(new { user });
});
app.MapGet("/demo/programs", async (HttpContext http, DemoUsers users) =>
    Results.Ok(await users.ProgramsAsync(DemoUsers.IndexOf(http.User.Identity!.Name!), http.RequestAborted))).RequireAuthorization();

Console.WriteLine($"Planner sample on {database}; try: curl -H 'X-Demo-User: ana' http://127.0.0.1:5080/demo/programs");
await app.RunAsync();
return 0;
