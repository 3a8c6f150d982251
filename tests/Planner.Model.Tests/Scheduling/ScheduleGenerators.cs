using CsCheck;
using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Scheduling;

/// <summary>
/// A pattern as plain data, from which the tests build both the engine's pattern and the oracle's
/// answer: the oracle never calls the engine.
/// </summary>
public sealed record PatternSpec(string Kind, PlannedSession[][][] Weeks, PlannedSession[][] Cycle)
{
    public SchedulePattern? Build() => Kind switch
    {
        "none" => null,
        "weekly" => Week(Weeks[0]),
        "rotating" => new RotatingWeeksPattern(Weeks.Select(Week).ToArray()),
        "cycle" => new CyclePattern(Cycle),
        _ => throw new InvalidOperationException(Kind),
    };

    // Weeks[k][d]: d = 0 is Monday, as Python's date.weekday() counts.
    private static WeeklyPattern Week(PlannedSession[][] days) =>
        new(Enumerable.Range(0, 7).ToDictionary(d => (IsoDayOfWeek)(d + 1), d => (IReadOnlyList<PlannedSession>)days[d]));

    public override string ToString() => Kind + " " + (Kind == "cycle" ? Cycle.Length + " days" : Weeks.Length + " weeks");
}

public sealed record ScheduleSpec(LocalDate Start, LocalDate End, PatternSpec Pattern, DayOverride[] Overrides)
{
    public BlockSchedule Build() => new(Start, End, Pattern.Build(), Overrides);

    public override string ToString() => $"{Start:uuuu-MM-dd}..{End:uuuu-MM-dd} {Pattern} {Overrides.Length} overrides";
}

internal static class ScheduleGenerators
{
    public static readonly Gen<PlannedSession> Session =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2], Gen.Int[0, 3], (t, s, n) =>
            new PlannedSession("tpl-" + t, s switch { 0 => null, 1 => "am", _ => "pm" }, n == 0 ? "note " + t : null));

    /// <summary>Sessions without notes: a plan that has nothing a reschedule counts as logged (for "reschedule back restores").</summary>
    public static readonly Gen<PlannedSession> PlainSession =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2], (t, s) => new PlannedSession("tpl-" + t, s switch { 0 => null, 1 => "am", _ => "pm" }));

    public static Gen<PlannedSession[]> Day(Gen<PlannedSession> session) =>
        Gen.Frequency((2, Gen.Const(Array.Empty<PlannedSession>())), (3, session.Array[1, 3]));

    public static Gen<PatternSpec> Pattern(Gen<PlannedSession> session)
    {
        var week = Day(session).Array[7];
        return Gen.OneOf(
            Gen.Const(new PatternSpec("none", [], [])),
            week.Select(w => new PatternSpec("weekly", [w], [])),
            week.Array[1, 5].Select(ws => new PatternSpec("rotating", ws, [])),
            Day(session).Array[1, 12].Select(c => new PatternSpec("cycle", [], c)));
    }

    /// <summary>Start dates near the awkward places (leap days, year ends, century years) or anywhere.</summary>
    public static readonly Gen<LocalDate> StartDate = Gen.OneOf(
        Gen.Select(Gen.OneOf(Gen.Const(1996), Gen.Const(2000), Gen.Const(2023), Gen.Const(2024), Gen.Const(2100)), Gen.Int[-10, 10],
            (year, delta) => new LocalDate(year, 2, 28).PlusDays(delta)),
        Gen.Select(Gen.Int[1999, 2030], Gen.Int[-10, 3], (year, delta) => new LocalDate(year, 12, 31).PlusDays(delta)),
        Gen.Int[0, 40_000].Select(d => new LocalDate(1990, 1, 1).PlusDays(d)));

    public static readonly Gen<int> Length = Gen.Frequency(
        (2, Gen.Const(1)),
        (6, Gen.Int[2, 60]),
        (3, Gen.Int[61, 800]),
        (1, Gen.Int[801, 3660]));

    public static Gen<DayOverride> Override(LocalDate start, int length, Gen<PlannedSession> session) =>
        Gen.Select(Gen.Int[0, length - 1], Gen.Int[0, 2], Day(session), Gen.Int[0, 3], (offset, kind, sessions, annotation) =>
            new DayOverride(start.PlusDays(offset), (DayOverrideKind)kind, kind == (int)DayOverrideKind.Replace ? sessions : null)
            {
                Name = annotation == 1 ? "Day " + offset : null,
                Notes = annotation == 2 ? "notes " + offset : null,
                Readiness = annotation == 3 ? 1 + (offset % 10) : null,
            });

    public static Gen<ScheduleSpec> Schedule(Gen<PlannedSession> session) =>
        from start in StartDate
        from length in Length
        from pattern in Pattern(session)
        from overrides in Override(start, length, session).Array[0, Math.Min(length, 8)]
        select new ScheduleSpec(start, start.PlusDays(length - 1), pattern, overrides.DistinctBy(o => o.Date).ToArray());

    public static readonly Gen<ScheduleSpec> AnySchedule = Schedule(Session);
}
