using NodaTime;
using NodaTime.Testing;
using Planner.Model.Planning;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Planning;

/// <summary>The service's dates from a clock and a zone: no database involved, so it runs once, not per provider.</summary>
public sealed class PlanningClockTests
{
    [Fact]
    public void Today_in_Auckland_follows_the_end_of_summer_time_and_a_configured_week_start()
    {
        var auckland = DateTimeZoneProviders.Tzdb["Pacific/Auckland"];

        // 2024-04-07 03:00 NZDT becomes 02:00 NZST (UTC+12). Midnight of the 8th is 12:00 UTC on the 7th.
        Assert.Equal(new LocalDate(2024, 4, 7), Today(Instant.FromUtc(2024, 4, 7, 11, 59)));
        Assert.Equal(new LocalDate(2024, 4, 8), Today(Instant.FromUtc(2024, 4, 7, 12, 0)));

        // In summer time (UTC+13) the same instant of day is already an hour later.
        Assert.Equal(new LocalDate(2024, 1, 8), Today(Instant.FromUtc(2024, 1, 7, 11, 0)));

        var sundayWeeks = new PlanningService(
            new HostContext(new Microsoft.EntityFrameworkCore.DbContextOptions<HostContext>()),
            new FakeClock(Instant.FromUtc(2024, 4, 7, 11, 59)),
            new PlanningOptions { WeekStart = IsoDayOfWeek.Sunday });
        Assert.Equal(new LocalDate(2024, 4, 7), sundayWeeks.ThisWeekStart(auckland));

        LocalDate Today(Instant now) =>
            new PlanningService(
                new HostContext(new Microsoft.EntityFrameworkCore.DbContextOptions<HostContext>()),
                new FakeClock(now)).Today(auckland);
    }
}
