using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Planner.Model.Planning;

namespace Planner.AspNetCore.Http;

/// <summary>
/// The access check at every door: the program a request reaches is found from the row itself (a day's
/// or session's block), then the host's <see cref="IPlannerAccessCheck"/> decides. Unknown and
/// forbidden look the same: 404.
/// </summary>
internal static class Access
{
    public static async Task<bool> AllowedAsync(HttpContext http, string programId, PlannerAccess access)
    {
        var check = http.RequestServices.GetRequiredService<IPlannerAccessCheck>();
        return await check.CanAccessAsync(http, programId, access);
    }

    /// <summary>404 unless the program exists and the user may do <paramref name="access"/> on it.</summary>
    public static async Task<IResult?> ProgramAsync(HttpContext http, PlannerStore store, string programId, PlannerAccess access)
    {
        // Ask the host first: a user without access learns nothing, not even from timing on a missing row.
        if (!await AllowedAsync(http, programId, access) || !await store.ProgramExistsAsync(programId, http.RequestAborted))
        {
            return Problems.NotFound("program");
        }

        return null;
    }

    public static async Task<(CalendarDay? Day, IResult? Denied)> DayAsync(HttpContext http, PlannerStore store, string dayId, PlannerAccess access)
    {
        var location = await store.LocateDayAsync(dayId, http.RequestAborted);
        if (location is not { } found || !await AllowedAsync(http, found.ProgramId, access))
        {
            return (null, Problems.NotFound("day"));
        }

        var day = await store.DayAsync(found, http.RequestAborted);
        return day is null ? (null, Problems.NotFound("day")) : (day, null);
    }

    public static async Task<(CalendarDay? Day, CalendarSession? Session, IResult? Denied)> SessionAsync(
        HttpContext http, PlannerStore store, string sessionId, PlannerAccess access)
    {
        var location = await store.LocateSessionAsync(sessionId, http.RequestAborted);
        if (location is not { } found || !await AllowedAsync(http, found.ProgramId, access))
        {
            return (null, null, Problems.NotFound("session"));
        }

        var day = await store.DayAsync(found, http.RequestAborted);
        var session = day?.Sessions.FirstOrDefault(s => s.Id == sessionId);
        return session is null ? (null, null, Problems.NotFound("session")) : (day, session, null);
    }

    /// <summary>The items whose program the user may read.</summary>
    public static async Task<List<T>> FilterAsync<T>(HttpContext http, IEnumerable<T> items, Func<T, string> programOf)
    {
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        var visible = new List<T>();
        foreach (var item in items)
        {
            var programId = programOf(item);
            if (!allowed.TryGetValue(programId, out var ok))
            {
                ok = allowed[programId] = await AllowedAsync(http, programId, PlannerAccess.Read);
            }

            if (ok)
            {
                visible.Add(item);
            }
        }

        return visible;
    }
}
