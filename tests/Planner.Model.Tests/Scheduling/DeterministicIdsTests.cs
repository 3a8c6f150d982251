using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Scheduling;

public sealed class DeterministicIdsTests
{
    private static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    [Theory]
    // RFC 9562, appendix A.4 (UUIDv5 example).
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2")]
    // Python's documentation of the uuid module: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d")]
    // Python's uuid.uuid5(uuid.NAMESPACE_URL, 'http://python.org/'), computed with CPython 3.
    [InlineData("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "http://python.org/", "4c565f0d-3f5a-5890-b41b-20cf47701c5e")]
    public void Version5_matches_published_vectors(string namespaceId, string name, string expected)
    {
        Assert.Equal(Guid.Parse(expected), DeterministicIds.Version5(Guid.Parse(namespaceId), name));
    }

    [Fact]
    public void Version5_sets_version_and_variant_and_handles_long_names()
    {
        var longName = new string('é', 2000); // past the stack buffer
        foreach (var id in new[] { DeterministicIds.Version5(DnsNamespace, longName), DeterministicIds.Version5(UrlNamespace, "") })
        {
            var text = id.ToString("D");
            Assert.Equal('5', text[14]);
            Assert.Contains(text[19], "89ab");
        }

        Assert.NotEqual(DeterministicIds.Version5(DnsNamespace, longName), DeterministicIds.Version5(UrlNamespace, longName));
    }

    [Fact]
    public void Ids_depend_on_every_part_of_their_name()
    {
        var date = new LocalDate(2024, 2, 29);
        var block = DeterministicIds.ForBlock("prog-1", "blk-base");
        var day = DeterministicIds.ForDay(block, date);
        var ids = new[]
        {
            DeterministicIds.ForDay("blk-1", date),
            DeterministicIds.ForDay("blk-2", date),
            DeterministicIds.ForDay("blk-1", date.PlusDays(1)),
            DeterministicIds.ForDay("blk-1", date, 1),
            DeterministicIds.ForSession("day-1", 0),
            DeterministicIds.ForSession("day-1", 1),
            DeterministicIds.ForSession("day-1", 0, 1),
            DeterministicIds.ForSession("day-1", 0, 2),
            DeterministicIds.ForSession("day-2", 0),
            block,
            DeterministicIds.ForBlock("prog-2", "blk-base"),
            DeterministicIds.ForBlock("prog-1", DeterministicIds.PositionKey(0)),
            day,
            DeterministicIds.ForDay(block, date, 1),
            DeterministicIds.ForDay(block, date.PlusDays(1)),
            DeterministicIds.ForDay(DeterministicIds.ForBlock("prog-2", "blk-base"), date),
            DeterministicIds.ForSession(day, 0),
            DeterministicIds.ForSession(day, 1),
            DeterministicIds.ForSession(day, 0, 1),
            DeterministicIds.ForSession(DeterministicIds.ForDay(block, date, 1), 0),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(DeterministicIds.ForDay("blk-1", date), DeterministicIds.ForDay("blk-1", date, 0));
        Assert.Equal(DeterministicIds.ForSession("day-1", 3), DeterministicIds.ForSession("day-1", 3, 0));
        Assert.Equal(DeterministicIds.ForSession(day, 3), DeterministicIds.ForSession(day, 3, 0));
        Assert.All(ids, AssertVersion8);
    }

    [Fact]
    public void Ids_are_the_same_on_every_machine()
    {
        // Pinned values: the contract of converter version 2. A change here changes every stored row's id.
        var block = DeterministicIds.ForBlock("prog-1", "blk");
        Assert.Equal("28497673-1af2-896f-8bff-fff89fcdd269", block);
        Assert.Equal("28497673-1af2-896f-8a18-010800000000", DeterministicIds.ForDay(block, new LocalDate(2024, 1, 1)));
        Assert.Equal("28497673-1af2-896f-8a18-010800000080", DeterministicIds.ForSession(DeterministicIds.ForDay(block, new LocalDate(2024, 1, 1)), 0));
        Assert.Equal("28497673-1af2-896f-8a18-010800000100", DeterministicIds.ForSession(DeterministicIds.ForDay(block, new LocalDate(2024, 1, 1)), 1));
        Assert.Equal("28497673-1af2-896f-8a18-011000000000", DeterministicIds.ForDay(block, new LocalDate(2024, 1, 2)));
        Assert.Equal("28497673-1af2-896f-8800-000000000000", DeterministicIds.ForDay(block, LocalDate.MinIsoValue));
        Assert.Equal("28497673-1af2-896f-8b7b-9db000000000", DeterministicIds.ForDay(block, LocalDate.MaxIsoValue));
        Assert.Equal("415ca618-0e54-8718-a218-010800000000", DeterministicIds.ForDay("blk-1", new LocalDate(2024, 1, 1)));
        Assert.Equal("83f43446-60af-88aa-a7ff-fff3a8000200", DeterministicIds.ForSession("day-1", 3));
    }

    [Fact]
    public void Block_ids_are_the_documented_layout_of_one_sha256()
    {
        // The oracle: the remarks' layout, spelt out with a BigInteger over the 128 bits.
        var names = Gen.Char['\0', '\u07ff'].Array[0, 80].Select(c => new string(c));
        Gen.Select(names, names).Sample((programId, key) =>
        {
            var hash = SHA256.HashData([.. DeterministicIds.PlannerNamespace.ToByteArray(bigEndian: true), .. Encoding.UTF8.GetBytes("block\n" + programId + "\n" + key)]);
            var bits = new BigInteger(hash, isUnsigned: true, isBigEndian: true) >> (256 - 99); // 64 prefix bits, 35 more
            var prefix = bits >> 35;
            var fields = ((BigInteger)0x7FFFFF << 35) | (bits & ((BigInteger.One << 35) - 1));
            Assert.Equal(Layout(prefix, fields), DeterministicIds.ForBlock(programId, key));
        }, iter: 1000);
    }

    [Fact]
    public void Day_and_session_ids_are_the_block_prefix_then_day_number_generation_and_position()
    {
        Gen.Select(Gen.String[0, 40], Gen.String[0, 40], Dates, Gen.Int[0, DeterministicIds.MaxDayGeneration], Gen.Int[0, DeterministicIds.MaxPosition], Gen.Int[0, DeterministicIds.MaxSessionGeneration])
            .Sample((programId, key, date, dayGeneration, position, sessionGeneration) =>
            {
                var block = DeterministicIds.ForBlock(programId, key);
                var prefix = Bits(block) >> 64 >> 16 << 16 | ((Bits(block) >> 64) & 0xFFF) << 4 | ((Bits(block) >> 58) & 0xF); // the 64 prefix bits, around the version
                var dayNumber = Period.DaysBetween(LocalDate.MinIsoValue, date);
                var day = DeterministicIds.ForDay(block, date, dayGeneration);
                Assert.Equal(Layout(prefix, ((BigInteger)dayNumber << 35) | ((BigInteger)dayGeneration << 27)), day);
                Assert.Equal(Layout(prefix, ((BigInteger)dayNumber << 35) | ((BigInteger)dayGeneration << 27) | ((BigInteger)(position + 1) << 7) | sessionGeneration),
                    DeterministicIds.ForSession(day, position, sessionGeneration));
            }, iter: 1000);
    }

    [Fact]
    public void A_blocks_days_sort_by_date_and_each_session_right_after_its_day_by_position()
    {
        // Any block id (derived, or a foreign text), any set of dates, any sessions per day: sorting all
        // the ids (ordinal, as the text of an index sorts them) gives day 1, its sessions by position, day 2, ...
        var blockIds = Gen.OneOf(Gen.Select(Gen.String[0, 20], Gen.String[0, 20]).Select((p, k) => DeterministicIds.ForBlock(p, k)), Gen.String[0, 60], Gen.Guid.Select(g => g.ToString("D")));
        Gen.Select(blockIds, Gen.Select(Dates, Gen.Int[0, 12]).Array[1, 40]).Sample((blockId, days) =>
        {
            var expected = new List<string>();
            foreach (var (date, sessions) in days.DistinctBy(d => d.Item1).OrderBy(d => d.Item1))
            {
                var day = DeterministicIds.ForDay(blockId, date);
                expected.Add(day);
                expected.AddRange(Enumerable.Range(0, sessions).Select(p => DeterministicIds.ForSession(day, p)));
            }

            var sorted = expected.OrderBy(id => id, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, sorted);
            Assert.Equal(expected.Count, expected.Distinct().Count());
            Assert.All(expected, AssertVersion8);

            // And the block's rows are adjacent: they share the first 64 bits (16 hex digits and the version), the prefix.
            Assert.Single(expected.Select(id => id[..18]).Distinct());
        }, iter: 500);
    }

    [Fact]
    public void Generations_sort_after_generation_0_of_the_same_date_and_position()
    {
        var block = DeterministicIds.ForBlock("p", "b");
        var date = new LocalDate(2024, 5, 1);
        var ids = new[]
        {
            DeterministicIds.ForDay(block, date),
            DeterministicIds.ForSession(DeterministicIds.ForDay(block, date), 0),
            DeterministicIds.ForSession(DeterministicIds.ForDay(block, date), 0, 1),
            DeterministicIds.ForSession(DeterministicIds.ForDay(block, date), 1),
            DeterministicIds.ForDay(block, date, 1),
            DeterministicIds.ForSession(DeterministicIds.ForDay(block, date, 1), 0),
            DeterministicIds.ForDay(block, date.PlusDays(1)),
        };

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_are_deterministic()
    {
        Gen.Select(Gen.String[0, 40], Gen.String[0, 40], Dates, Gen.Int[0, 20]).Sample((programId, key, date, position) =>
        {
            var block = DeterministicIds.ForBlock(programId, key);
            Assert.Equal(block, DeterministicIds.ForBlock(new string(programId.AsSpan()), new string(key.AsSpan())));
            Assert.Equal(DeterministicIds.ForDay(block, date), DeterministicIds.ForDay(new string(block.AsSpan()), date));
            Assert.Equal(DeterministicIds.ForDay(programId, date), DeterministicIds.ForDay(new string(programId.AsSpan()), date)); // foreign block ids too
            Assert.Equal(DeterministicIds.ForSession(key, position), DeterministicIds.ForSession(new string(key.AsSpan()), position)); // and foreign day ids
        }, iter: 500);
    }

    [Fact]
    public void Fields_out_of_range_are_refused()
    {
        var day = DeterministicIds.ForDay(DeterministicIds.ForBlock("p", "b"), new LocalDate(2024, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicIds.ForSession(day, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicIds.ForSession(day, DeterministicIds.MaxPosition + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicIds.ForSession(day, 0, DeterministicIds.MaxSessionGeneration + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicIds.ForDay("b", new LocalDate(2024, 1, 1), DeterministicIds.MaxDayGeneration + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicIds.ForDay("b", new LocalDate(2024, 1, 1), -1));
        Assert.NotNull(DeterministicIds.ForSession(day, DeterministicIds.MaxPosition, DeterministicIds.MaxSessionGeneration));
    }

    private static readonly Gen<LocalDate> Dates = Gen.Int[0, Period.DaysBetween(LocalDate.MinIsoValue, LocalDate.MaxIsoValue)]
        .Select(d => LocalDate.MinIsoValue.PlusDays(d));

    private static void AssertVersion8(string id) =>
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);

    private static BigInteger Bits(string id) => new(Guid.Parse(id).ToByteArray(bigEndian: true), isUnsigned: true, isBigEndian: true);

    /// <summary>The 64-bit prefix at bits 0-47, 52-63, 66-69, version 8 and variant 10, then 58 bits of fields.</summary>
    private static string Layout(BigInteger prefix, BigInteger fields)
    {
        var value = ((prefix >> 16) << 80) | ((BigInteger)8 << 76) | (((prefix >> 4) & 0xFFF) << 64)
            | ((BigInteger)0b10 << 62) | ((prefix & 0xF) << 58) | fields;
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[16];
        bytes.CopyTo(padded, 16 - bytes.Length);
        return new Guid(padded, bigEndian: true).ToString("D");
    }
}
