using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Planner.Model.Planning;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Planning;

/// <summary>Issue 10: <c>services.AddPlanning&lt;TContext&gt;(...)</c>, options validated at start, the clock from the container.</summary>
public abstract partial class PlanningTests<TDatabase>
{
    [Fact]
    public async Task AddPlanning_gives_a_scoped_service_over_the_hosts_context_with_its_options_and_clock()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var clock = ClockAt(new LocalDate(2024, 1, 10)); // a Wednesday
        var services = new ServiceCollection();
        services.AddDbContext<HostContext>(options => Database.Configure(options));
        services.AddSingleton<IClock>(clock); // registered first: AddPlanning keeps it
        services.AddPlanning<HostContext>(options => options.WeekStart = IsoDayOfWeek.Sunday);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        await using var scope = provider.CreateAsyncScope();
        var planner = scope.ServiceProvider.GetRequiredService<PlanningService>();
        Assert.Same(planner, scope.ServiceProvider.GetRequiredService<PlanningService>());
        await using (var other = provider.CreateAsyncScope())
        {
            Assert.NotSame(planner, other.ServiceProvider.GetRequiredService<PlanningService>());
        }

        Assert.Equal(new LocalDate(2024, 1, 7), planner.ThisWeekStart(DateTimeZone.Utc)); // the Sunday before, from the fake clock
        var week = await planner.ThisWeekAsync(seeded.ProgramId, DateTimeZone.Utc);
        Assert.Equal((new LocalDate(2024, 1, 7), 7), (week.From, week.Days.Count));
    }

    [Fact]
    public void AddPlanning_defaults_to_the_system_clock_and_refuses_invalid_options_at_start()
    {
        var services = new ServiceCollection();
        services.AddDbContext<HostContext>(options => options.UseInMemoryDatabase("di-" + Guid.NewGuid()));
        services.AddPlanning<HostContext>(options => options.WeekStart = IsoDayOfWeek.None);
        using var provider = services.BuildServiceProvider();

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("WeekStart must be a day of the week", error.Message);
        Assert.Throws<ArgumentException>(() => new PlanningService(provider.CreateScope().ServiceProvider.GetRequiredService<HostContext>(), SystemClock.Instance, new PlanningOptions { WeekStart = IsoDayOfWeek.None }));

        var defaults = new ServiceCollection();
        defaults.AddDbContext<HostContext>(options => options.UseInMemoryDatabase("di-" + Guid.NewGuid()));
        defaults.AddPlanning<HostContext>();
        using var ok = defaults.BuildServiceProvider();
        ok.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(IsoDayOfWeek.Monday, ok.GetRequiredService<IOptions<PlanningOptions>>().Value.WeekStart);
    }
}
