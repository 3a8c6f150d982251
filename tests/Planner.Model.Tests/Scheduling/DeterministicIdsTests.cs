using System.Security.Cryptography;
using System.Text;
using CsCheck;
using NodaTime;
using Planner.Model.Scheduling;

// SHA-1 is the hash RFC 9562 version 5 is defined on: the tests compare against the system one.
#pragma warning disable CA5350

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
            DeterministicIds.ForBlock("prog-1", "blk-base"),
            DeterministicIds.ForBlock("prog-2", "blk-base"),
            DeterministicIds.ForBlock("prog-1", DeterministicIds.PositionKey(0)),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(DeterministicIds.ForDay("blk-1", date), DeterministicIds.ForDay("blk-1", date, 0));
        Assert.Equal(DeterministicIds.ForSession("day-1", 3), DeterministicIds.ForSession("day-1", 3, 0));
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id));
    }

    [Fact]
    public void The_managed_sha1_equals_the_system_sha1_for_every_length()
    {
        // Lengths around the one- and two-block edges (55, 56, 63, 64, 119, 120) and past them.
        Gen.Byte.Array[0, 200].Sample(message =>
        {
            var managed = new byte[20];
            ShortSha1.Hash(message, managed);
            Assert.Equal(SHA1.HashData(message), managed);
        }, iter: 5000);
    }

    [Fact]
    public void Hashing_many_two_block_messages_at_once_equals_hashing_each()
    {
        // Any count (partial groups of eight included), any length that takes two blocks.
        Gen.Byte.Array[ShortSha1.TwoBlockMinBytes, ShortSha1.MaxManagedBytes].Array[0, 30].Sample(messages =>
        {
            var slots = new byte[messages.Length * 128];
            for (var i = 0; i < messages.Length; i++)
            {
                messages[i].CopyTo(slots, i * 128);
                ShortSha1.PadTwoBlocks(slots.AsSpan(i * 128, 128), messages[i].Length);
            }

            var digests = new byte[messages.Length * 20];
            ShortSha1.HashTwoBlockMessages(slots, messages.Length, digests);
            for (var i = 0; i < messages.Length; i++)
            {
                Assert.Equal(SHA1.HashData(messages[i]), digests[(i * 20)..((i + 1) * 20)]);
            }
        }, iter: 1000);
    }

    [Fact]
    public void Hashing_two_block_messages_one_by_one_equals_the_system_sha1()
    {
        // The path taken where 256-bit vectors are not hardware-accelerated, which this machine never takes on its own.
        Gen.Byte.Array[ShortSha1.TwoBlockMinBytes, ShortSha1.MaxManagedBytes].Array[0, 12].Sample(messages =>
        {
            var slots = new byte[messages.Length * 128];
            for (var i = 0; i < messages.Length; i++)
            {
                messages[i].CopyTo(slots, i * 128);
                ShortSha1.PadTwoBlocks(slots.AsSpan(i * 128, 128), messages[i].Length);
            }

            var digests = new byte[messages.Length * 20];
            ShortSha1.HashTwoBlockMessagesOneByOne(slots, messages.Length, digests);
            for (var i = 0; i < messages.Length; i++)
            {
                Assert.Equal(SHA1.HashData(messages[i]), digests[(i * 20)..((i + 1) * 20)]);
            }
        }, iter: 1000);
    }

    [Fact]
    public void Session_ids_made_together_equal_each_made_alone()
    {
        // Day ids of every kind: derived ones, short ones (one block), long ones (past the managed hash).
        var dayIds = Gen.OneOf(Gen.Guid.Select(g => g.ToString("D")), Gen.String[0, 200]);
        Gen.Select(dayIds, Gen.Int[0, 1000]).Array[0, 40].Sample(names =>
        {
            var ids = new string[names.Length];
            DeterministicIds.ForSessions([.. names.Select(n => n.Item1)], [.. names.Select(n => n.Item2)], ids);
            Assert.Equal(names.Select(n => DeterministicIds.ForSession(n.Item1, n.Item2)), ids);
        }, iter: 500);
    }

    [Fact]
    public void Day_ids_made_together_equal_each_made_alone()
    {
        // Block ids of every kind: derived ones, short ones (one block), long ones (past the managed hash);
        // dates of every year, signs and five digits included.
        var blockIds = Gen.OneOf(Gen.Guid.Select(g => g.ToString("D")), Gen.String[0, 200]);
        var dates = Gen.Int[-9997 * 365, 9999 * 365].Select(d => new LocalDate(1, 1, 1).PlusDays(d));
        Gen.Select(blockIds, dates.Array[0, 40]).Sample((blockId, days) =>
        {
            var ids = new string[days.Length];
            DeterministicIds.ForDays(blockId, days, ids);
            Assert.Equal(days.Select(d => DeterministicIds.ForDay(blockId, d)), ids);
        }, iter: 500);
    }

    [Fact]
    public void Ids_are_uuid5_of_their_documented_names()
    {
        // The oracle: RFC 9562 section 5.5 with the system SHA-1 over the names as the remarks spell them.
        var names = Gen.Char['\0', '\u07ff'].Array[0, 80].Select(c => new string(c));
        var dates = Gen.Int[-9997 * 365, 9999 * 365].Select(d => new LocalDate(1, 1, 1).PlusDays(d));
        Gen.Select(names, names, dates, Gen.Int[0, 1000], Gen.Int[0, 3]).Sample((parent, key, date, position, generation) =>
        {
            var isoDate = date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var suffix = generation == 0 ? "" : "\n" + generation;
            Assert.Equal(Oracle("block\n" + parent + "\n" + key), DeterministicIds.ForBlock(parent, key));
            Assert.Equal(Oracle("day\n" + parent + "\n" + isoDate + suffix), DeterministicIds.ForDay(parent, date, generation));
            Assert.Equal(Oracle("session\n" + parent + "\n" + position + suffix), DeterministicIds.ForSession(parent, position, generation));
            Assert.Equal(Oracle(key), DeterministicIds.Version5(DeterministicIds.PlannerNamespace, key).ToString("D"));
        }, iter: 2000);
    }

    private static string Oracle(string name)
    {
        var bytes = DeterministicIds.PlannerNamespace.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var uuid = SHA1.HashData(bytes)[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true).ToString("D");
    }
}
