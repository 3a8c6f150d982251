using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using Planner.AspNetCore;
using Planner.AspNetCore.Http;
using Planner.Model.Planning;

// In the DI namespace, as AddIdentityApiEndpoints is, so that `services.` finds it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what <c>MapPlannerApi</c> needs.</summary>
public static class PlannerApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the HTTP API's services on the host's context <typeparamref name="TContext"/> (whose
    /// model calls <c>ApplyPlannerModel()</c> and, for feeds, <c>ApplyPlannerFeeds()</c>): problem
    /// details, the options, and the planning API (<c>AddPlanning&lt;TContext&gt;()</c>: a
    /// <see cref="PlanningService"/> per request, with the <see cref="IClock"/> the host registered, or the
    /// system clock). The host also registers an <see cref="IPlannerAccessCheck"/>.
    /// </summary>
    /// <typeparam name="TContext">The host's <see cref="DbContext"/>, registered by the host (for example with <c>AddDbContext</c>).</typeparam>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Changes to the default <see cref="PlannerApiOptions"/>.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddPlannerApi<TContext>(this IServiceCollection services, Action<PlannerApiOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<PlannerApiOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddProblemDetails();
        services.TryAddScoped(sp => new PlannerDbContextAccessor(sp.GetRequiredService<TContext>()));
        services.AddPlanning<TContext>();
        services.TryAddScoped<PlannerStore>();
        services.TryAddSingleton<PlannerApiMarker>();
        return services;
    }
}
