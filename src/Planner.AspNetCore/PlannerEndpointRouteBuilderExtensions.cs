using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Planner.AspNetCore;
using Planner.AspNetCore.Http;

// In ASP.NET Core's routing namespace, as MapIdentityApi is, so that `app.` finds it.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the planner's HTTP API.</summary>
public static class PlannerEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the planner's endpoints under <paramref name="prefix"/> and returns their route group, to
    /// which the host adds its own <c>RequireAuthorization()</c>, rate limiting and so on (the calendar
    /// feed stays anonymous: its secret token is its credential). Throws when <c>AddPlannerApi</c>, an
    /// <see cref="IPlannerAccessCheck"/> or an <see cref="IClock"/> is not registered: without the
    /// host's access check nothing would decide who sees which program.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The routes' prefix, such as <c>/planner</c>.</param>
    /// <returns>The route group of every endpoint.</returns>
    public static RouteGroupBuilder MapPlannerApi(this IEndpointRouteBuilder endpoints, string prefix = "/planner")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);

        var services = endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        if (!services.IsService(typeof(PlannerApiMarker)))
        {
            throw new InvalidOperationException("MapPlannerApi needs services.AddPlannerApi<TContext>() first.");
        }

        if (!services.IsService(typeof(IPlannerAccessCheck)))
        {
            throw new InvalidOperationException(
                "MapPlannerApi refuses to start without an access check: register an IPlannerAccessCheck that says which user may read or write which program (services.AddScoped<IPlannerAccessCheck, MyCheck>()).");
        }

        if (!services.IsService(typeof(IClock)))
        {
            throw new InvalidOperationException(
                "MapPlannerApi needs an IClock in the services (services.AddSingleton<IClock>(SystemClock.Instance) at the host's composition root).");
        }

        var group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter(ErrorFilter.InvokeAsync);
        group.WithTags("Planner");
        PlannerEndpoints.Map(group);
        return group;
    }
}
