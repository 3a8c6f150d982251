using CsCheck;
using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Scheduling;

public sealed class ExpansionTests
{
    [Fact]
    public void Every_date_agrees_with_the_day_by_day_oracle()
    {
        ScheduleGenerators.AnySchedule.Sample(spec =>
        {
            var expected = ExpansionOracle.Expand(spec);
            var actual = new List<PlannedDay>();
            foreach (var day in ScheduleExpansion.Expand(spec.Build()))
            {
                actual.Add(day);
            }

            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var (date, sessions, name, notes, readiness) = expected[i];
                Assert.Equal(date, actual[i].Date);
                Assert.Equal(sessions, actual[i].Sessions.ToArray());
                Assert.Equal((name, notes, readiness), (actual[i].Name, actual[i].Notes, actual[i].Readiness));
            }
        }, iter: 400);
    }

    [Fact]
    public void Materialised_rows_are_the_oracle_days_with_their_ids_values_and_initial_stamps()
    {
        // Runs of days and sessions get their ids together: each must still be its own, in order.
        var blockIds = Gen.OneOf(Gen.Guid.Select(g => g.ToString("D")), Gen.String[1, 80]);
        Gen.Select(ScheduleGenerators.AnySchedule, blockIds).Sample((spec, blockId) =>
        {
            var expected = ExpansionOracle.Expand(spec);
            var days = ScheduleExpansion.Materialize(blockId, spec.Build()).ToList();

            Assert.Equal(expected.Count, days.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var (date, sessions, name, notes, readiness) = expected[i];
                var day = days[i];
                Assert.Equal((DeterministicIds.ForDay(blockId, date), blockId, date, name, notes, readiness), (day.Id, day.BlockId, day.Date, day.Name, day.Notes, day.Readiness));
                Assert.Equal(ConcurrencyStamps.Initial, day.ConcurrencyStamp);
                Assert.Equal(sessions.Length, day.Sessions.Count);
                var position = 0;
                foreach (var session in day.Sessions)
                {
                    var planned = sessions[position];
                    Assert.Equal(
                        (DeterministicIds.ForSession(day.Id, position), day.Id, planned.TemplateId, position, planned.Slot, planned.Notes, planned.IsCompleted, planned.CompletionData),
                        (session.Id, session.DayId, session.SessionTemplateId, session.Position, session.Slot, session.Notes, session.IsCompleted, session.CompletionData));
                    Assert.Equal(ConcurrencyStamps.Initial, session.ConcurrencyStamp);
                    position++;
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void The_public_per_date_lookup_agrees_with_the_oracle_without_overrides()
    {
        ScheduleGenerators.AnySchedule.Sample(spec =>
        {
            var pattern = spec.Pattern.Build();
            if (pattern is null)
            {
                return;
            }

            var plain = spec with { Overrides = [] };
            foreach (var (date, sessions, _, _, _) in ExpansionOracle.Expand(plain))
            {
                Assert.Equal(sessions, pattern.SessionsOn(date, spec.Start));
            }
        }, iter: 200);
    }

    [Fact]
    public void A_rotation_takes_week_k_mod_n_on_dates_before_the_block_start_too()
    {
        var everyDay = (string id) => new WeeklyPattern(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToDictionary(d => d, _ => (IReadOnlyList<PlannedSession>)[new PlannedSession(id)]));
        var rotation = new RotatingWeeksPattern([everyDay("w0"), everyDay("w1"), everyDay("w2")]);
        var start = new LocalDate(2024, 1, 3);
        Gen.Int[-400, 400].Sample(offset =>
        {
            // The oracle counts whole weeks by stepping, no division.
            var (week, rest) = (0, offset);
            for (; rest < 0; rest += 7, week--) { }
            for (; rest >= 7; rest -= 7, week++) { }
            var expected = "w" + (((week % 3) + 3) % 3);
            Assert.Equal(expected, rotation.SessionsOn(start.PlusDays(offset), start).Single().TemplateId);
        }, iter: 800);
    }

    [Fact]
    public void A_rotation_counts_weeks_from_a_block_start_that_is_not_a_monday()
    {
        var a = new PlannedSession("tpl-a");
        var b = new PlannedSession("tpl-b");
        var everyDay = (PlannedSession s) => new WeeklyPattern(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToDictionary(d => d, _ => (IReadOnlyList<PlannedSession>)[s]));
        var start = new LocalDate(2024, 1, 3); // a Wednesday
        var schedule = new BlockSchedule(start, start.PlusDays(20), new RotatingWeeksPattern([everyDay(a), everyDay(b)]));

        var templates = Days(schedule).Select(d => d.Sessions.Single().TemplateId).ToList();

        // Week 1 runs Wednesday 3 to Tuesday 9, week 2 from Wednesday 10: not Monday to Sunday.
        Assert.Equal(Enumerable.Repeat("tpl-a", 7).Concat(Enumerable.Repeat("tpl-b", 7)).Concat(Enumerable.Repeat("tpl-a", 7)), templates);
    }

    [Fact]
    public void Overrides_replace_rest_or_only_annotate_and_keep_logged_work()
    {
        var easy = new PlannedSession("tpl-easy");
        var logged = new PlannedSession("tpl-long", "am") { IsCompleted = true, CompletionData = "{\"rpe\":7}" };
        var start = new LocalDate(2024, 1, 1);
        var schedule = new BlockSchedule(start, start.PlusDays(3), new CyclePattern([[easy]]),
        [
            new DayOverride(start, DayOverrideKind.Replace, [logged]) { Name = "Long Run Day", Readiness = 6 },
            new DayOverride(start.PlusDays(1), DayOverrideKind.Rest) { Notes = "sick" },
            new DayOverride(start.PlusDays(2), DayOverrideKind.Annotate) { Notes = "windy" },
        ]);

        var days = Days(schedule);

        Assert.Same(logged, days[0].Sessions.Single());
        Assert.Equal(("Long Run Day", 6), (days[0].Name, days[0].Readiness));
        Assert.Empty(days[1].Sessions);
        Assert.Equal("sick", days[1].Notes);
        Assert.Same(easy, days[2].Sessions.Single());
        Assert.Equal("windy", days[2].Notes);
        Assert.Equal((null, null, null, easy), (days[3].Name, days[3].Notes, days[3].Readiness, days[3].Sessions.Single()));
    }

    [Fact]
    public void An_override_that_is_not_a_replacement_cannot_carry_sessions()
    {
        var error = Assert.Throws<ArgumentException>(() => new DayOverride(new LocalDate(2024, 1, 10), DayOverrideKind.Rest, [new PlannedSession("tpl-x")]));
        Assert.Contains("2024-01-10", error.Message);
    }

    [Theory]
    [InlineData(3660, 3660, false)]
    [InlineData(3661, 3660, true)]
    [InlineData(31, 30, true)]
    [InlineData(30, 30, false)]
    public void Spans_over_the_limit_are_refused_before_anything_is_produced(int days, int limit, bool refused)
    {
        var start = new LocalDate(2020, 1, 1);
        var schedule = new BlockSchedule(start, start.PlusDays(days - 1));

        var error = Record.Exception(() => ScheduleExpansion.Expand(schedule, limit));
        var materialiseError = Record.Exception(() => ScheduleExpansion.Materialize("blk", schedule, limit));

        if (refused)
        {
            var tooLong = Assert.IsType<SpanTooLongException>(error);
            Assert.IsType<SpanTooLongException>(materialiseError);
            Assert.Equal(limit, tooLong.MaxDays);
            Assert.Contains($"spans {days} days; the limit is {limit}", tooLong.Message);
        }
        else
        {
            Assert.Null(error);
            Assert.Null(materialiseError);
            Assert.Equal(days, ScheduleExpansion.Expand(schedule, limit).Count);
        }
    }

    [Fact]
    public void The_default_limit_is_ten_years_and_a_block_can_end_on_the_last_representable_date()
    {
        Assert.Throws<SpanTooLongException>(() => ScheduleExpansion.Expand(new BlockSchedule(new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31))));

        var last = new LocalDate(9999, 12, 31);
        var days = Days(new BlockSchedule(last.PlusDays(-2), last));
        Assert.Equal(last, days[^1].Date);
    }

    [Fact]
    public void Enumerating_allocates_nothing_per_day()
    {
        var rotation = new RotatingWeeksPattern(
        [
            new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>> { [IsoDayOfWeek.Monday] = [new("a"), new("b", "pm")], [IsoDayOfWeek.Thursday] = [new("c")] }),
            new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>> { [IsoDayOfWeek.Tuesday] = [new("d")] }),
        ]);
        var start = new LocalDate(2024, 2, 1);
        var overrides = Enumerable.Range(0, 50).Select(i => new DayOverride(start.PlusDays(i * 20), (DayOverrideKind)(i % 3), i % 3 == 1 ? [new("x")] : null) { Notes = "n" });
        var shortBlock = new BlockSchedule(start, start.PlusDays(99), rotation, overrides);
        var longBlock = new BlockSchedule(start, start.PlusDays(3659), rotation, overrides);

        // Warm up (JIT, the lazily built period table) before measuring.
        Sum(shortBlock);
        Sum(longBlock);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var shortSum = Sum(shortBlock);
        var middle = GC.GetAllocatedBytesForCurrentThread();
        var longSum = Sum(longBlock);
        var after = GC.GetAllocatedBytesForCurrentThread();

        Assert.True(longSum > shortSum);

        // Same cost for 100 days and 3,660 days: nothing grows with the number of days.
        Assert.Equal(middle - before, after - middle);
        Assert.Equal(0, after - middle);

        static int Sum(BlockSchedule schedule)
        {
            var total = 0;
            foreach (var day in ScheduleExpansion.Expand(schedule))
            {
                foreach (var session in day.Sessions)
                {
                    total += session.TemplateId.Length + day.Date.Day;
                }
            }

            return total;
        }
    }

    [Fact]
    public void Materialised_rows_are_deterministic_one_day_per_date_with_positions_and_logged_work()
    {
        var start = new LocalDate(2024, 2, 27);
        var logged = new PlannedSession("tpl-long", "am", "windy") { IsCompleted = true, CompletionData = "{\"rpe\":7}" };
        var schedule = new BlockSchedule(start, start.PlusDays(3), new CyclePattern([[new("tpl-a", "am"), new("tpl-b", "pm")], []]),
            [new DayOverride(start.PlusDays(2), DayOverrideKind.Replace, [logged]) { Readiness = 4 }]);

        var first = ScheduleExpansion.Materialize("blk-1", schedule).ToList();
        var second = ScheduleExpansion.Materialize("blk-1", schedule).ToList();
        var otherBlock = ScheduleExpansion.Materialize("blk-2", schedule).ToList();

        Assert.Equal(new[] { start, start.PlusDays(1), start.PlusDays(2), start.PlusDays(3) }, first.Select(d => d.Date));
        Assert.Equal(first.Select(d => d.Id), second.Select(d => d.Id));
        Assert.Equal(first.SelectMany(d => d.Sessions).Select(s => s.Id), second.SelectMany(d => d.Sessions).Select(s => s.Id));
        Assert.Empty(first.Select(d => d.Id).Intersect(otherBlock.Select(d => d.Id)));
        Assert.Equal(first.Count + 3, first.Select(d => d.Id).Concat(first.SelectMany(d => d.Sessions).Select(s => s.Id)).Distinct().Count());

        Assert.Equal(new[] { 0, 1 }, first[0].Sessions.Select(s => s.Position));
        Assert.All(first[0].Sessions, s => Assert.Equal(first[0].Id, s.DayId));
        Assert.Empty(first[1].Sessions);
        var loggedRow = Assert.Single(first[2].Sessions);
        Assert.Equal(("tpl-long", "am", "windy", true, "{\"rpe\":7}"), (loggedRow.SessionTemplateId, loggedRow.Slot, loggedRow.Notes, loggedRow.IsCompleted, loggedRow.CompletionData));
        Assert.Equal(4, first[2].Readiness);
        Assert.Equal(first[0].ConcurrencyStamp, second[3].ConcurrencyStamp);
        Assert.Equal(loggedRow.ConcurrencyStamp, first[0].Sessions.First().ConcurrencyStamp);
    }

    private static List<PlannedDay> Days(BlockSchedule schedule)
    {
        var days = new List<PlannedDay>();
        foreach (var day in ScheduleExpansion.Expand(schedule))
        {
            days.Add(day);
        }

        return days;
    }
}
