using Microsoft.AspNetCore.Http;

namespace Planner.AspNetCore;

/// <summary>What a request wants to do with a program.</summary>
public enum PlannerAccess
{
    /// <summary>Read its calendar, days, sessions, compliance.</summary>
    Read,

    /// <summary>Change its days, sessions and blocks, copy its weeks, start a program from it, manage its feed tokens.</summary>
    Write,
}

/// <summary>
/// The host's rule of who may read or write which program. The HTTP API asks it for every request that
/// reaches a program (by the program a day, session or block belongs to, never by a route id alone) and
/// answers 404 when it says no. <c>MapPlannerApi</c> refuses to start when none is registered.
/// </summary>
public interface IPlannerAccessCheck
{
    /// <summary>Whether the request's user may do <paramref name="access"/> on the program.</summary>
    /// <param name="httpContext">The request (its <see cref="HttpContext.User"/>, services, headers).</param>
    /// <param name="programId">The id of an existing program.</param>
    /// <param name="access">Read or write.</param>
    /// <returns><see langword="true"/> to let the request through; <see langword="false"/> gives 404.</returns>
    ValueTask<bool> CanAccessAsync(HttpContext httpContext, string programId, PlannerAccess access);
}
