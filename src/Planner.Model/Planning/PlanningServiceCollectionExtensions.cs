using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Planner.Model.Planning;

/// <summary>Registers the planning API in a host's service container.</summary>
public static class PlanningServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PlanningService"/> (scoped, like the context it wraps) over the host's
    /// <typeparamref name="TContext"/>, its <see cref="PlanningOptions"/> through the options pattern
    /// (<see cref="IOptions{TOptions}"/>, validated when the host starts), and <see cref="IClock"/> as
    /// <c>SystemClock.Instance</c> unless the container has one already (a test's fake clock).
    /// </summary>
    /// <typeparam name="TContext">The host's context; its model must include the planner's (<c>ApplyPlannerModel()</c>), and it must be registered (<c>AddDbContext</c>).</typeparam>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the options (week start, dual writes); <see langword="null"/> for the defaults or options configured elsewhere.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddPlanning<TContext>(this IServiceCollection services, Action<PlanningOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PlanningOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlanningOptions>, PlanningOptionsValidator>());
        // A composition root, the one place in the library that picks the system clock: the default a host
        // (or its test, with a fake clock registered first) replaces by registering its own IClock.
#pragma warning disable RS0030 // SystemClock.Instance is banned outside composition roots
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddScoped(provider => new PlanningService(
            provider.GetRequiredService<TContext>(),
            provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<IOptions<PlanningOptions>>().Value));
        return services;
    }
}

/// <summary>Checks <see cref="PlanningOptions"/> when the host starts (and when a service is made from them).</summary>
internal sealed class PlanningOptionsValidator : IValidateOptions<PlanningOptions>
{
    public ValidateOptionsResult Validate(string? name, PlanningOptions options) =>
        PlanningOptions.Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
