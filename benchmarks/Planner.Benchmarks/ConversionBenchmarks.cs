using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NodaTime;
using Planner.Demo;
using Planner.Migration.Legacy;
using Planner.Model.Scheduling;

namespace Planner.Benchmarks;

/// <summary>
/// How fast does the legacy converter go, against the floor of reading the same bytes at all
/// (<c>JsonDocument.Parse</c> plus a full walk, the baseline)? Two corpora: a few MB of generated
/// programs of every shape, and one 50 MB program. The extra columns turn the mean time into
/// programs/s, input MB/s and rows/s (blocks, days, sessions and goal links produced), and the
/// allocation into bytes per row. Two lines say where Convert's time goes: Diagnose (the reading and
/// checking alone) and the ids alone (one SHA-256 per block, then a few bit operations and a
/// 36-character string per day and session: the id contract sets that floor, whatever the rest costs).
/// </summary>
/// <remarks>dotnet run -c Release --project benchmarks/Planner.Benchmarks -- --filter '*ConversionBenchmarks*'</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
[Config(typeof(ThroughputConfig))]
public class ConversionBenchmarks
{
    private LegacyProgramRow[] _rows = [];
    private ConversionCorpus.BlockDays[] _blocks = [];
    private readonly LegacyConverter _converter = new();

    [Params("corpus", "large-50MB")]
    public string Corpus { get; set; } = "corpus";

    [GlobalSetup]
    public void Setup()
    {
        var corpus = ConversionCorpus.Get(Corpus);
        _rows = corpus.Rows;
        _blocks = corpus.Blocks;
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse + full walk")]
    public long ParseAndWalk()
    {
        long sum = 0;
        foreach (var row in _rows)
        {
            using var document = JsonDocument.Parse(row.WeeklySchedule!);
            sum += Walk(document.RootElement);
        }

        return sum;
    }

    [Benchmark(Description = "LegacyConverter.Convert")]
    public long Convert()
    {
        long rows = 0;
        foreach (var row in _rows)
        {
            var conversion = _converter.Convert(row);
            rows += conversion.Blocks.Count + conversion.Days.Count + conversion.Sessions.Count + conversion.BlockGoals.Count;
        }

        return rows;
    }

    /// <summary>The converter's own reading and checking, without making ids and entities: where the time of Convert goes.</summary>
    [Benchmark(Description = "LegacyConverter.Diagnose (no rows)")]
    public long Diagnose()
    {
        long count = 0;
        foreach (var row in _rows)
        {
            count += _converter.Diagnose(row).Count + 1;
        }

        return count;
    }

    /// <summary>
    /// Only the day and session ids Convert makes (each from its block's prefix, taken once per block),
    /// from inputs gathered in the setup, without reading or entities: a floor under any conversion that
    /// keeps the ids.
    /// </summary>
    [Benchmark(Description = "day and session ids only (floor)")]
    public long IdsOnly()
    {
        long length = 0;
        foreach (var block in _blocks)
        {
            var prefix = DeterministicIds.BlockIdBits.Of(block.BlockId);
            foreach (var (date, sessions) in block.Days)
            {
                var day = prefix.Day(date, 0);
                length += day.ToString().Length;
                for (var position = 0; position < sessions; position++)
                {
                    length += day.Session(position, 0).ToString().Length;
                }
            }
        }

        return length;
    }

    /// <summary>Visits every value and reads every name and string, as any reader of the document must.</summary>
    internal static long Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                long objectSum = 1;
                foreach (var property in element.EnumerateObject())
                {
                    objectSum += property.Name.Length + Walk(property.Value);
                }

                return objectSum;
            case JsonValueKind.Array:
                long arraySum = 1;
                foreach (var item in element.EnumerateArray())
                {
                    arraySum += Walk(item);
                }

                return arraySum;
            case JsonValueKind.String:
                return element.GetString()!.Length;
            case JsonValueKind.Number:
                return element.TryGetInt64(out var whole) ? whole : (long)element.GetDouble();
            default:
                return 1;
        }
    }
}

/// <summary>The generated corpora, the same in the host (for the columns) and in the benchmark process.</summary>
internal sealed class ConversionCorpus
{
    private static readonly Dictionary<string, ConversionCorpus> Cache = [];

    private ConversionCorpus(LegacyProgramRow[] rows)
    {
        Rows = rows;
        Bytes = rows.Sum(r => (long)Encoding.UTF8.GetByteCount(r.WeeklySchedule ?? string.Empty));
        var converter = new LegacyConverter();
        var blocks = new List<BlockDays>();
        foreach (var row in rows)
        {
            var conversion = converter.Convert(row);
            ProducedRows += conversion.Blocks.Count + conversion.Days.Count + conversion.Sessions.Count + conversion.BlockGoals.Count;
            foreach (var block in conversion.Blocks)
            {
                blocks.Add(new BlockDays(block.Id, [.. block.Days.Select(d => (d.Date, d.Sessions.Count))]));
            }
        }

        Blocks = [.. blocks];
    }

    /// <summary>What the ids of a block's days and sessions are made from.</summary>
    internal sealed record BlockDays(string BlockId, (LocalDate Date, int Sessions)[] Days);

    /// <summary>The blocks of the converted corpus, for the ids-only floor.</summary>
    public BlockDays[] Blocks { get; }

    public LegacyProgramRow[] Rows { get; }

    public long Bytes { get; }

    public long ProducedRows { get; }

    public static ConversionCorpus Get(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var corpus))
            {
                corpus = new ConversionCorpus(name == "corpus" ? MakeCorpus() : [new LegacyProgramGenerator(50).GenerateLarge("large", 50 * 1024 * 1024)]);
                Cache[name] = corpus;
            }

            return corpus;
        }
    }

    /// <summary>Programs of every shape (and a few with warnings) until about 4 MB.</summary>
    private static LegacyProgramRow[] MakeCorpus()
    {
        var rows = new List<LegacyProgramRow>();
        long bytes = 0;
        foreach (var row in new LegacyProgramGenerator(2024).Generate(1_000_000, new LegacyGeneratorOptions { WarningShare = 0.05, MaxDayEntries = 8 }))
        {
            rows.Add(row);
            bytes += row.WeeklySchedule!.Length;
            if (bytes >= 4 * 1024 * 1024)
            {
                break;
            }
        }

        return [.. rows];
    }
}

/// <summary>Adds the throughput columns.</summary>
internal sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(
            new ThroughputColumn("Programs/s", (corpus, seconds, _) => corpus.Rows.Length / seconds, "N1", rowsOnly: false),
            new ThroughputColumn("Input MB/s", (corpus, seconds, _) => corpus.Bytes / 1e6 / seconds, "N1", rowsOnly: false),
            new ThroughputColumn("Rows/s", (corpus, seconds, _) => corpus.ProducedRows / seconds, "N0", rowsOnly: true),
            new ThroughputColumn("Bytes alloc/row", (corpus, _, allocated) => allocated / (double)corpus.ProducedRows, "N0", rowsOnly: true));
    }
}

/// <summary>A column computed from the corpus and the case's mean time and allocation.</summary>
/// <remarks>Rows columns are shown for Convert only: the other methods make no rows.</remarks>
internal sealed class ThroughputColumn(string name, Func<ConversionCorpus, double, long, double> value, string format, bool rowsOnly) : IColumn
{
    public string Id => nameof(ThroughputColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => name + " (from the corpus size and the mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics || (rowsOnly && benchmarkCase.Descriptor.WorkloadMethod.Name != nameof(ConversionBenchmarks.Convert)))
        {
            return "-";
        }

        var corpus = ConversionCorpus.Get((string)benchmarkCase.Parameters["Corpus"]);
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) ?? 0;
        return value(corpus, statistics.Mean / 1e9, allocated).ToString(format, CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
