using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Benchmarks;

/// <summary>
/// How fast does a block expand, against a bare loop over the same dates producing the same
/// (date, session) tuples? Each operation is one day (OperationsPerInvoke), so Mean is the time per
/// day and Allocated the bytes per day.
/// </summary>
/// <remarks>
/// A three-week rotation with AM/PM days and rest days, starting on a Wednesday, plus one override a
/// month. The baseline gets the same sessions from an array indexed by a running offset: what a
/// hand-written loop with no schedule, no overrides and no abstraction would do.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ExpansionBenchmarks
{
    private const int OneYear = 365;
    private const int TenYears = 3653;
    private static readonly LocalDate Start = new(2024, 1, 3);

    private BlockSchedule _oneYear = null!;
    private BlockSchedule _tenYears = null!;
    private PlannedSession[][] _baselineTable = null!;

    [GlobalSetup]
    public void Setup()
    {
        var easy = new PlannedSession("tpl-easy-45");
        var intervals = new PlannedSession("tpl-intervals", "pm");
        var core = new PlannedSession("tpl-core", "am");
        var longRun = new PlannedSession("tpl-long", "am");
        var rotation = new RotatingWeeksPattern(
        [
            Week((IsoDayOfWeek.Monday, [easy]), (IsoDayOfWeek.Tuesday, [core, intervals]), (IsoDayOfWeek.Thursday, [easy]), (IsoDayOfWeek.Sunday, [longRun])),
            Week((IsoDayOfWeek.Monday, [easy]), (IsoDayOfWeek.Wednesday, [core, intervals]), (IsoDayOfWeek.Saturday, [longRun])),
            Week((IsoDayOfWeek.Tuesday, [easy]), (IsoDayOfWeek.Friday, [easy]), (IsoDayOfWeek.Sunday, [longRun])),
        ]);

        _oneYear = Schedule(rotation, OneYear);
        _tenYears = Schedule(rotation, TenYears);
        _baselineTable = rotation.PeriodTable(Start.DayOfWeek);

        if (Count(_tenYears) != CountLoop(TenYears) || Count(_oneYear) != CountLoop(OneYear))
        {
            throw new InvalidOperationException("The baseline must produce as many tuples as the expansion.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OneYear)]
    [BenchmarkCategory("1 year")]
    public long BareLoop_1Year() => Loop(OneYear);

    [Benchmark(OperationsPerInvoke = OneYear)]
    [BenchmarkCategory("1 year")]
    public long Expand_1Year() => Expand(_oneYear);

    [Benchmark(Baseline = true, OperationsPerInvoke = TenYears)]
    [BenchmarkCategory("10 years")]
    public long BareLoop_10Years() => Loop(TenYears);

    [Benchmark(OperationsPerInvoke = TenYears)]
    [BenchmarkCategory("10 years")]
    public long Expand_10Years() => Expand(_tenYears);

    private static long Expand(BlockSchedule schedule)
    {
        long total = 0;
        foreach (var day in ScheduleExpansion.Expand(schedule))
        {
            foreach (var session in day.Sessions)
            {
                total += Consume(day.Date, session);
            }
        }

        return total;
    }

    private long Loop(int days)
    {
        long total = 0;
        var table = _baselineTable;
        var date = Start;
        var offset = 0;
        for (var i = 0; i < days; i++)
        {
            foreach (var session in table[offset])
            {
                total += Consume(date, session);
            }

            date = date.PlusDays(1);
            if (++offset == table.Length)
            {
                offset = 0;
            }
        }

        return total;
    }

    private static int Count(BlockSchedule schedule)
    {
        var count = 0;
        foreach (var day in ScheduleExpansion.Expand(schedule))
        {
            count += day.Sessions.Count;
        }

        return count;
    }

    private int CountLoop(int days)
    {
        var count = 0;
        for (var i = 0; i < days; i++)
        {
            count += _baselineTable[i % _baselineTable.Length].Length;
        }

        return count;
    }

    // The same work per tuple on both sides: read the date and the session.
    private static long Consume(LocalDate date, PlannedSession session) => date.Day + session.TemplateId.Length;

    private static BlockSchedule Schedule(SchedulePattern pattern, int days)
    {
        // One override a month, each replacing the day with as many sessions as the pattern gives it,
        // so that both sides produce the same number of tuples.
        var overrides = new List<DayOverride>();
        for (var date = Start.PlusDays(10); date < Start.PlusDays(days); date = date.PlusMonths(1))
        {
            var sessions = pattern.SessionsOn(date, Start);
            overrides.Add(new DayOverride(date, DayOverrideKind.Replace, sessions.Select(s => s with { Notes = "moved" }).ToArray()) { Notes = "override" });
        }

        return new BlockSchedule(Start, Start.PlusDays(days - 1), pattern, overrides);
    }

    private static WeeklyPattern Week(params (IsoDayOfWeek Day, PlannedSession[] Sessions)[] days) =>
        new(days.ToDictionary(d => d.Day, d => (IReadOnlyList<PlannedSession>)d.Sessions));
}
