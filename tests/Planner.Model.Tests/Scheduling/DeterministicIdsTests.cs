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
}
