using BenchmarkDotNet.Attributes;
using NodaTime;
using Planner.Model;
using Planner.Model.Scheduling;

namespace Planner.Benchmarks;

/// <summary>
/// What does one converted row cost, piece by piece? The converter makes every day and session of a
/// program: each needs a name-based id (SHA-1) and an entity, and every entity setter that changes a
/// value renews the concurrency stamp (a new random GUID as text). Baseline: one stamp.
/// </summary>
/// <remarks>dotnet run -c Release --project benchmarks/Planner.Benchmarks -- --filter '*ConversionRowCostBenchmarks*'</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class ConversionRowCostBenchmarks
{
    private const string BlockId = "0b8a5f44-2a4d-5c31-9f8e-6f1d2c3b4a59";
    private static readonly LocalDate Date = new(2024, 1, 7);

    [Benchmark(Baseline = true, Description = "a stamp: Guid.NewGuid().ToString(\"N\")")]
    public string Stamp() => Guid.NewGuid().ToString("N");

    [Benchmark(Description = "DeterministicIds.ForDay")]
    public string DayId() => DeterministicIds.ForDay(BlockId, Date);

    [Benchmark(Description = "DeterministicIds.ForSession")]
    public string SessionId() => DeterministicIds.ForSession(BlockId, 1);

    [Benchmark(Description = "new ProgramDay (3 values set)")]
    public ProgramDay Day() => new() { Id = BlockId, BlockId = BlockId, Date = Date };

    [Benchmark(Description = "new ScheduledSession (5 values set)")]
    public ScheduledSession Session() => new() { Id = BlockId, DayId = BlockId, SessionTemplateId = "tpl-easy-45", Position = 1, Slot = "am" };
}
