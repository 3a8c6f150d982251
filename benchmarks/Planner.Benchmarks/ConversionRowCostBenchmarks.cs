using BenchmarkDotNet.Attributes;
using NodaTime;
using Planner.Model;
using Planner.Model.Scheduling;

namespace Planner.Benchmarks;

/// <summary>
/// What does one converted row cost, piece by piece? The converter makes every day and session of a
/// program: each needs a name-based id (SHA-1) and an entity. Entities made by hand renew their
/// concurrency stamp on every change (a stamp per value set); materialised rows are written straight
/// with the initial stamp. Baseline: the random GUID as text that a stamp used to be.
/// </summary>
/// <remarks>dotnet run -c Release --project benchmarks/Planner.Benchmarks -- --filter '*ConversionRowCostBenchmarks*'</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class ConversionRowCostBenchmarks
{
    private const string BlockId = "0b8a5f44-2a4d-5c31-9f8e-6f1d2c3b4a59";
    private static readonly LocalDate Date = new(2024, 1, 7);
#pragma warning disable CA5350 // the hash of version-5 UUIDs, measured
    private static readonly byte[] DayName = [.. DeterministicIds.PlannerNamespace.ToByteArray(bigEndian: true), .. System.Text.Encoding.UTF8.GetBytes("day\n" + BlockId + "\n2024-01-07")];

    [Benchmark(Baseline = true, Description = "a stamp: Guid.NewGuid().ToString(\"N\")")]
    public string Stamp() => Guid.NewGuid().ToString("N");

    [Benchmark(Description = "a stamp: ConcurrencyStamps.New")]
    public string NewStamp() => ConcurrencyStamps.New();

    [Benchmark(Description = "SHA-1 of a 67-byte name (system)")]
    public byte[] SystemSha1() => System.Security.Cryptography.SHA1.HashData(DayName);

    [Benchmark(Description = "SHA-1 of a 67-byte name (managed)")]
    public byte[] ManagedSha1()
    {
        var digest = new byte[20];
        ShortSha1.Hash(DayName, digest);
        return digest;
    }

    [Benchmark(Description = "DeterministicIds.ForDay")]
    public string DayId() => DeterministicIds.ForDay(BlockId, Date);

    [Benchmark(Description = "DeterministicIds.ForSession")]
    public string SessionId() => DeterministicIds.ForSession(BlockId, 1);

    private static readonly string[] RunDayIds = [.. Enumerable.Range(0, 64).Select(i => DeterministicIds.ForDay(BlockId, Date.PlusDays(i / 2)))];
    private static readonly int[] RunPositions = [.. Enumerable.Range(0, 64).Select(i => i % 2)];
    private static readonly LocalDate[] RunDates = [.. Enumerable.Range(0, 64).Select(i => Date.PlusDays(i))];
    private readonly string[] _runIds = new string[64];

    [Benchmark(Description = "DeterministicIds.ForDays, per id (64 at once)", OperationsPerInvoke = 64)]
    public string DayIdsTogether()
    {
        DeterministicIds.ForDays(BlockId, RunDates, _runIds);
        return _runIds[63];
    }

    [Benchmark(Description = "DeterministicIds.ForSessions, per id (64 at once)", OperationsPerInvoke = 64)]
    public string SessionIdsTogether()
    {
        DeterministicIds.ForSessions(RunDayIds, RunPositions, _runIds);
        return _runIds[63];
    }

    [Benchmark(Description = "new ProgramDay (3 values set)")]
    public ProgramDay Day() => new() { Id = BlockId, BlockId = BlockId, Date = Date };

    [Benchmark(Description = "new ScheduledSession (5 values set)")]
    public ScheduledSession Session() => new() { Id = BlockId, DayId = BlockId, SessionTemplateId = "tpl-easy-45", Position = 1, Slot = "am" };

    [Benchmark(Description = "ProgramDay.Materialized")]
    public ProgramDay MaterializedDay() => ProgramDay.Materialized(BlockId, BlockId, Date, null, null, null, 2);

    [Benchmark(Description = "ScheduledSession.Materialized")]
    public ScheduledSession MaterializedSession() => ScheduledSession.Materialized(BlockId, BlockId, "tpl-easy-45", 1, "am", null, false, null);
}
