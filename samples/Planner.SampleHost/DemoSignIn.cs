using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Planner.AspNetCore;

namespace Planner.SampleHost;

/// <summary>
/// The demo's sign-in: the user named by the <c>X-Demo-User</c> header or the <c>demo-user</c> cookie
/// (set by <c>POST /demo/sign-in?user=ana</c>), if it is one of <see cref="DemoUsers"/>. A demo only:
/// anyone can claim any name. A real host uses its own authentication.
/// </summary>
public sealed class DemoAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Demo";
    public const string Header = "X-Demo-User";
    public const string Cookie = "demo-user";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[Header].FirstOrDefault() ?? Request.Cookies[Cookie];
        if (string.IsNullOrEmpty(user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!DemoUsers.Known(user))
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown demo user."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>
/// The demo's users and what they may do: each athlete owns ten of the demo's programs (by their order
/// of id), the coach reads the first athlete's. The sample's <see cref="IPlannerAccessCheck"/>.
/// </summary>
public sealed class DemoUsers(SampleDbContext db) : IPlannerAccessCheck
{
    private static readonly string[] Athletes = ["ana", "ben"];

    public static bool Known(string user) => user == "coach" || Athletes.Contains(user, StringComparer.Ordinal);

    public async ValueTask<bool> CanAccessAsync(HttpContext httpContext, string programId, PlannerAccess access)
    {
        var user = httpContext.User.Identity?.Name;
        if (user is null)
        {
            return false;
        }

        var owner = user == "coach" ? "ana" : user;
        var index = Array.IndexOf(Athletes, owner);
        if (index < 0 || (user == "coach" && access == PlannerAccess.Write))
        {
            return false;
        }

        var owned = await ProgramsAsync(index, httpContext.RequestAborted);
        return owned.Contains(programId);
    }

    /// <summary>The ten programs (with rows in the new tables) of athlete number <paramref name="index"/>.</summary>
    public async Task<List<string>> ProgramsAsync(int index, CancellationToken ct) =>
        await db.Set<Planner.Model.TrainingProgram>()
            .Where(p => db.Set<Planner.Model.ProgramBlock>().Any(b => b.ProgramId == p.Id))
            .OrderBy(p => p.Id)
            .Select(p => p.Id)
            .Skip(index * 10)
            .Take(10)
            .ToListAsync(ct);

    public static int IndexOf(string user) => Array.IndexOf(Athletes, user == "coach" ? "ana" : user);
}
