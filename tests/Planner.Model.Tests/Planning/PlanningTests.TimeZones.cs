using NodaTime;
using NodaTime.Testing;
using Planner.Model.Planning;

namespace Planner.Model.Tests.Planning;

public abstract partial class PlanningTests<TDatabase>
{
    [Fact]
    public async Task Today_is_the_athletes_date_on_either_side_of_their_midnight()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var auckland = Zone("Pacific/Auckland"); // UTC+13 in January (summer time)
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 2, 10, 59)); // 23:59 on the 2nd in Auckland, 10:59 on the 2nd in UTC
        var counter = new CommandCounter();
        await using var context = CreateContext(counter);
        var service = Service(context, clock);

        var before = await service.TodayAsync(seeded.ProgramId, auckland);
        clock.AdvanceMinutes(2); // 00:01 on the 3rd in Auckland; still the 2nd in UTC and on a server in New York
        var after = await service.TodayAsync(seeded.ProgramId, auckland);

        Assert.Equal(2, counter.Count); // one command per read
        Assert.Equal(new LocalDate(2024, 1, 2), Assert.Single(before.Days).Date);
        Assert.Equal(new LocalDate(2024, 1, 3), Assert.Single(after.Days).Date);
        Assert.Equal(2, after.Days[0].Sessions.Count); // Wednesday: am and pm
        Assert.Equal(new LocalDate(2024, 1, 2), service.Today(DateTimeZone.Utc));
    }

    [Fact]
    public async Task This_week_turns_at_the_athletes_week_start_across_a_daylight_saving_change()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var newYork = Zone("America/New_York");

        // 2024-03-10: clocks go from 02:00 EST to 03:00 EDT, a Sunday. Monday the 11th starts at 04:00 UTC.
        var clock = new FakeClock(Instant.FromUtc(2024, 3, 11, 3, 59)); // 23:59 Sunday in New York
        var counter = new CommandCounter();
        await using var context = CreateContext(counter);
        var service = Service(context, clock);

        var sunday = await service.ThisWeekAsync(seeded.ProgramId, newYork);
        clock.AdvanceMinutes(2); // 00:01 Monday in New York (EDT: one hour earlier in UTC than a week before)
        var monday = await service.ThisWeekAsync(seeded.ProgramId, newYork);

        Assert.Equal(2, counter.Count);
        Assert.Equal(new LocalDate(2024, 3, 4), sunday.From);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => new LocalDate(2024, 3, 4).PlusDays(i)), sunday.Days.Select(d => d.Date));
        Assert.Equal(new LocalDate(2024, 3, 11), monday.From);
        Assert.Equal(new LocalDate(2024, 3, 17), monday.To);
        Assert.Equal(7, monday.Days.Count);

        // A week before, in EST, 04:59 UTC on Monday was still Sunday 23:59; Monday began at 05:00 UTC.
        var winter = Service(context, new FakeClock(Instant.FromUtc(2024, 3, 4, 4, 59)));
        Assert.Equal(new LocalDate(2024, 2, 26), winter.ThisWeekStart(newYork));
        Assert.Equal(new LocalDate(2024, 3, 4), Service(context, new FakeClock(Instant.FromUtc(2024, 3, 4, 5, 0))).ThisWeekStart(newYork));
    }
}
