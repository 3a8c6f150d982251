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
/// month. The baseline shares nothing with the engine: its table (template ids per day of the
/// 21-day rotation, plain string arrays) is built in the setup from the same plain data by its own
/// date arithmetic, and the timed loop walks the dates and that table: what a hand-written loop with
/// no schedule, no overrides and no abstraction would do.
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
    private string[][] _baselineTable = null!;

    // The rotation as plain data: week of the rotation, weekday, template ids (with their slots).
    private static readonly (IsoDayOfWeek Day, (string Template, string? Slot)[] Sessions)[][] Rotation =
    [
        [(IsoDayOfWeek.Monday, [("tpl-easy-45", null)]), (IsoDayOfWeek.Tuesday, [("tpl-core", "am"), ("tpl-intervals", "pm")]), (IsoDayOfWeek.Thursday, [("tpl-easy-45", null)]), (IsoDayOfWeek.Sunday, [("tpl-long", "am")])],
        [(IsoDayOfWeek.Monday, [("tpl-easy-45", null)]), (IsoDayOfWeek.Wednesday, [("tpl-core", "am"), ("tpl-intervals", "pm")]), (IsoDayOfWeek.Saturday, [("tpl-long", "am")])],
        [(IsoDayOfWeek.Tuesday, [("tpl-easy-45", null)]), (IsoDayOfWeek.Friday, [("tpl-easy-45", null)]), (IsoDayOfWeek.Sunday, [("tpl-long", "am")])],
    ];

    [GlobalSetup]
    public void Setup()
    {
        var rotation = new RotatingWeeksPattern(Rotation.Select(week =>
            new WeeklyPattern(week.ToDictionary(d => d.Day, d => (IReadOnlyList<PlannedSession>)d.Sessions.Select(x => new PlannedSession(x.Template, x.Slot)).ToArray()))).ToArray());

        _oneYear = Schedule(rotation, OneYear);
        _tenYears = Schedule(rotation, TenYears);

        // The baseline's own table: day i of the rotation is week (i / 7), on the weekday of Start + i.
        _baselineTable = new string[Rotation.Length * 7][];
        for (var i = 0; i < _baselineTable.Length; i++)
        {
            var weekday = Start.PlusDays(i).DayOfWeek;
            _baselineTable[i] = Rotation[i / 7].Where(d => d.Day == weekday).SelectMany(d => d.Sessions).Select(x => x.Template).ToArray();
        }

        // Same tuples on both sides: as many, and the same (date, template) sums.
        if (Count(_tenYears) != CountLoop(TenYears) || Count(_oneYear) != CountLoop(OneYear)
            || Expand(_tenYears) != Loop(TenYears) || Expand(_oneYear) != Loop(OneYear))
        {
            throw new InvalidOperationException("The baseline must produce the same (date, session) tuples as the expansion.");
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
                total += Consume(day.Date, session.TemplateId);
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
            foreach (var templateId in table[offset])
            {
                total += Consume(date, templateId);
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

    // The same work per tuple on both sides: read the date and the session's template id.
    private static long Consume(LocalDate date, string templateId) => date.Day + templateId.Length;

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
}
