using BenchmarkDotNet.Attributes;
using NodaTime;
using Planner.Model;
using Planner.Model.Scheduling;

namespace Planner.Benchmarks;

/// <summary>
/// What does one converted row cost, piece by piece? The converter makes every day and session of a
/// program: each needs an id (a few bit operations on its block's prefix, one SHA-256 per block) and an entity. Entities made by hand renew their
/// concurrency stamp on every change (a stamp per value set); materialised rows are written straight
/// with the initial stamp. Baseline: the random GUID as text that a stamp used to be.
/// </summary>
/// <remarks>dotnet run -c Release --project benchmarks/Planner.Benchmarks -- --filter '*ConversionRowCostBenchmarks*'</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class ConversionRowCostBenchmarks
{
    private static readonly string BlockId = DeterministicIds.ForBlock("0b8a5f44-2a4d-5c31-9f8e-6f1d2c3b4a59", "blk-base");
    private static readonly LocalDate Date = new(2024, 1, 7);
    private static readonly byte[] BlockName = [.. DeterministicIds.PlannerNamespace.ToByteArray(bigEndian: true), .. System.Text.Encoding.UTF8.GetBytes("block\n0b8a5f44-2a4d-5c31-9f8e-6f1d2c3b4a59\nblk-base")];

    [Benchmark(Baseline = true, Description = "a stamp: Guid.NewGuid().ToString(\"N\")")]
    public string Stamp() => Guid.NewGuid().ToString("N");

    [Benchmark(Description = "a stamp: ConcurrencyStamps.New")]
    public string NewStamp() => ConcurrencyStamps.New();

    [Benchmark(Description = "SHA-256 of a block's name (system): once per block")]
    public byte[] BlockHash() => System.Security.Cryptography.SHA256.HashData(BlockName);

    [Benchmark(Description = "DeterministicIds.ForBlock")]
    public string BlockIdOf() => DeterministicIds.ForBlock("0b8a5f44-2a4d-5c31-9f8e-6f1d2c3b4a59", "blk-base");

    [Benchmark(Description = "DeterministicIds.ForDay (parses the block id)")]
    public string DayId() => DeterministicIds.ForDay(BlockId, Date);

    [Benchmark(Description = "DeterministicIds.ForSession (parses the day id)")]
    public string SessionId() => DeterministicIds.ForSession(DayIdText, 1);

    private static readonly DeterministicIds.BlockIdBits Block = DeterministicIds.BlockIdBits.Of(BlockId);
    private static readonly string DayIdText = DeterministicIds.ForDay(BlockId, Date);

    [Benchmark(Description = "a day id from the block's prefix (the converter's way)")]
    public string DayIdFromPrefix() => Block.DayId(Date);

    [Benchmark(Description = "a session id from its day's bits (the converter's way)")]
    public string SessionIdFromDay() => Block.Day(Date, 0).Session(1, 0).ToString();

    [Benchmark(Description = "new ProgramDay (3 values set)")]
    public ProgramDay Day() => new() { Id = BlockId, BlockId = BlockId, Date = Date };

    [Benchmark(Description = "new ScheduledSession (5 values set)")]
    public ScheduledSession Session() => new() { Id = BlockId, DayId = BlockId, SessionTemplateId = "tpl-easy-45", Position = 1, Slot = "am" };

    [Benchmark(Description = "ProgramDay.Materialized")]
    public ProgramDay MaterializedDay() => ProgramDay.Materialized(BlockId, BlockId, Date, null, null, null, 2);

    [Benchmark(Description = "ScheduledSession.Materialized")]
    public ScheduledSession MaterializedSession() => ScheduledSession.Materialized(BlockId, BlockId, "tpl-easy-45", 1, "am", null, false, null);
}
