using CsCheck;
using Planner.Demo;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;
using Planner.Model;

namespace Planner.Migration.Tests.Migrating;

/// <summary>
/// The test a rerun makes of a migrated program whose text and rows both changed, against its oracle: the
/// text is in sync exactly when it is the writer's output for the rows, whatever order the block goal links
/// come back in from the database.
/// </summary>
public sealed class DualWrittenTextTests
{
    private static readonly LegacyGeneratorOptions Rows = new() { MaxBlocks = 3, MaxBlockWeeks = 3 };

    [Fact]
    public void The_writers_text_for_the_rows_matches_whatever_order_the_goal_links_are_read_in_and_no_other_text_does()
    {
        Gen.Select(Gen.Int[0, 10_000], Gen.Int, Gen.Int, Gen.Int[0, int.MaxValue]).Sample((seed, writeOrder, readOrder, at) =>
        {
            var row = new LegacyProgramGenerator(seed).Generate(1, Rows).Single();
            var conversion = new LegacyConverter().Convert(row);
            if (conversion.HasErrors)
            {
                return;
            }

            // Blocks with several goals (the API's AddBlockAsync makes them); the dual writer listed each block's goals
            // in the order its read gave them, the rows as read later come in another.
            var links = WithMoreGoals(conversion, seed);
            var written = LegacyScheduleWriter.Write(conversion.Blocks, conversion.Days, conversion.Sessions, Shuffled(links, writeOrder));
            var rows = Read(conversion, Shuffled(links, readOrder));
            var goals = conversion.ProgramGoalIds;

            Assert.True(DualWrittenText.Matches(row with { WeeklySchedule = written }, rows, goals), written);

            // One character different (still the same length) is not in sync, nor is the text before the writer's.
            var index = at % written.Length;
            var changed = string.Concat(written.AsSpan(0, index), written[index] == 'x' ? "y" : "x", written.AsSpan(index + 1));
            Assert.False(DualWrittenText.Matches(row with { WeeklySchedule = changed }, rows, goals), changed);
            Assert.False(DualWrittenText.Matches(row with { WeeklySchedule = written + " " }, rows, goals));
            Assert.False(DualWrittenText.Matches(row with { WeeklySchedule = null }, rows, goals));
            Assert.Equal(row.WeeklySchedule == written, DualWrittenText.Matches(row, rows, goals));

            // goal_ids naming other goals than the program's links: a hand edit of that column, not in sync.
            Assert.False(DualWrittenText.Matches(row with { WeeklySchedule = written }, rows, [.. goals, "goal-not-linked"]));
        }, iter: 300);
    }

    [Fact]
    public void Rows_the_writer_cannot_write_are_not_in_sync_with_any_text()
    {
        var row = new LegacyProgramGenerator(7).Generate(1, Rows).Single();
        var conversion = new LegacyConverter().Convert(row);
        var written = LegacyScheduleWriter.Write(conversion);
        var block = conversion.Blocks[0];
        var nameless = new ProgramBlock { Id = block.Id, ProgramId = block.ProgramId, Position = block.Position, Name = string.Empty, StartDate = block.StartDate, EndDate = block.EndDate };
        var rows = new ProgramRows([nameless, .. conversion.Blocks.Skip(1)], conversion.Days, conversion.Sessions, [], conversion.BlockGoals);

        Assert.False(DualWrittenText.Matches(row with { WeeklySchedule = written }, rows, []));
    }

    private static ProgramRows Read(ProgramConversion conversion, IReadOnlyList<BlockGoal> blockGoals) => new(
        conversion.Blocks,
        conversion.Days,
        conversion.Sessions,
        conversion.ProgramGoalIds.Select(g => new ProgramGoal { ProgramId = conversion.ProgramId, GoalId = g }).ToArray(),
        blockGoals);

    private static List<BlockGoal> WithMoreGoals(ProgramConversion conversion, int seed)
    {
        var random = new Random(seed);
        var links = conversion.BlockGoals.ToList();
        foreach (var block in conversion.Blocks)
        {
            foreach (var goal in new[] { "g-1", "g-2", "g-3" }.Where(_ => random.Next(2) == 0))
            {
                links.Add(new BlockGoal { BlockId = block.Id, GoalId = goal });
            }
        }

        return links;
    }

    private static BlockGoal[] Shuffled(IReadOnlyList<BlockGoal> links, int seed)
    {
        var shuffled = links.ToArray();
        new Random(seed).Shuffle(shuffled);
        return shuffled;
    }
}
