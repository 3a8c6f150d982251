namespace Planner.Model.Tests.Entities;

public sealed class ConcurrencyStampsTests
{
    [Fact]
    public void Stamps_made_on_many_threads_are_all_different_and_never_the_initial_one()
    {
        var stamps = new string[8][];
        Parallel.For(0, stamps.Length, thread =>
        {
            stamps[thread] = new string[20_000];
            for (var i = 0; i < stamps[thread].Length; i++)
            {
                stamps[thread][i] = ConcurrencyStamps.New();
            }
        });

        var all = stamps.SelectMany(s => s).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(ConcurrencyStamps.Initial, all);
        Assert.All(all.Take(100), stamp => Assert.Matches("^[0-9a-f]{32}$", stamp));
    }

    [Fact]
    public void Materialised_rows_start_at_the_initial_stamp_and_renew_it_on_their_first_change()
    {
        var day = ProgramDay.Materialized("day-1", "blk-1", new NodaTime.LocalDate(2024, 1, 1), "Long", null, 7, 2);
        var session = ScheduledSession.Materialized("s-1", "day-1", "tpl-1", 0, "am", null, false, null);
        Assert.Equal(ConcurrencyStamps.Initial, day.ConcurrencyStamp);
        Assert.Equal(ConcurrencyStamps.Initial, session.ConcurrencyStamp);
        Assert.Equal(("day-1", "blk-1", new NodaTime.LocalDate(2024, 1, 1), "Long", (string?)null, (int?)7), (day.Id, day.BlockId, day.Date, day.Name, day.Notes, day.Readiness));
        Assert.Equal(("s-1", "day-1", "tpl-1", 0, "am"), (session.Id, session.DayId, session.SessionTemplateId, session.Position, session.Slot));

        day.Readiness = 7;
        session.Slot = "am";
        Assert.Equal(ConcurrencyStamps.Initial, day.ConcurrencyStamp);
        Assert.Equal(ConcurrencyStamps.Initial, session.ConcurrencyStamp);

        day.Readiness = 8;
        session.Slot = "pm";
        Assert.NotEqual(ConcurrencyStamps.Initial, day.ConcurrencyStamp);
        Assert.NotEqual(ConcurrencyStamps.Initial, session.ConcurrencyStamp);
    }
}
