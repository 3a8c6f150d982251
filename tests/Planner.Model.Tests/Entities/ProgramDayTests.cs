using NodaTime;

namespace Planner.Model.Tests.Entities;

/// <summary>A day renews its concurrency stamp exactly when one of its own values changes.</summary>
public sealed class ProgramDayTests
{
    public static TheoryData<string, Action<ProgramDay>> Changes => new()
    {
        { "block id", d => d.BlockId = "blk-other" },
        { "block", d => d.Block = new ProgramBlock { Id = "blk-other" } },
        { "date", d => d.Date = d.Date.PlusDays(1) },
        { "name", d => d.Name = "Long Run Day" },
        { "notes", d => d.Notes = "Windy" },
        { "readiness", d => d.Readiness = 7 },
        { "readiness cleared", d => d.Readiness = null },
    };

    public static TheoryData<string, Action<ProgramDay>> SameValues => new()
    {
        { "block id", d => d.BlockId = "blk-1" },
        { "block with the same id", d => d.Block = new ProgramBlock { Id = "blk-1" } },
        { "block without an id", d => d.Block = new ProgramBlock() },
        { "date", d => d.Date = new LocalDate(2024, 1, 7) },
        { "name", d => d.Name = null },
        { "notes", d => d.Notes = "Calm" },
        { "readiness", d => d.Readiness = 5 },
    };

    [Fact]
    public void A_new_day_has_a_stamp_of_its_own()
    {
        var first = new ProgramDay();
        var second = new ProgramDay();

        Assert.Matches("^[0-9a-f]{32}$", first.ConcurrencyStamp);
        Assert.NotEqual(first.ConcurrencyStamp, second.ConcurrencyStamp);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Changing_a_value_renews_the_stamp(string what, Action<ProgramDay> change)
    {
        var day = Day();
        var before = day.ConcurrencyStamp;

        change(day);

        Assert.True(before != day.ConcurrencyStamp, $"changing the {what} kept the stamp");
    }

    [Theory]
    [MemberData(nameof(SameValues))]
    public void Writing_the_same_value_keeps_the_stamp(string what, Action<ProgramDay> write)
    {
        var day = Day();
        var before = day.ConcurrencyStamp;

        write(day);

        Assert.True(before == day.ConcurrencyStamp, $"writing the same {what} renewed the stamp");
    }

    [Fact]
    public void Setting_the_block_sets_its_id()
    {
        var day = Day();
        var block = new ProgramBlock { Id = "blk-2" };

        day.Block = block;

        Assert.Equal(("blk-2", block), (day.BlockId, day.Block));
    }

    private static ProgramDay Day() => new()
    {
        Id = "day-1",
        BlockId = "blk-1",
        Date = new LocalDate(2024, 1, 7),
        Notes = "Calm",
        Readiness = 5,
    };
}
