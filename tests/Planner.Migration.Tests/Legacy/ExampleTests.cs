using System.Text.RegularExpressions;
using Planner.Migration.Legacy;
using Planner.Testing.Legacy;

namespace Planner.Migration.Tests.Legacy;

/// <summary>Every example row of <c>docs/examples</c> gives the counts the README there states (read from the README itself).</summary>
public sealed partial class ExampleTests
{
    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(LegacyExamples.Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void An_example_converts_to_the_counts_its_README_states(string file)
    {
        var expected = LegacyExamples.Expectations();
        Assert.True(expected.ContainsKey(file), $"The examples README has no row for {file}.");
        var (blocks, days, sessions, codes) = expected[file];

        var conversion = new LegacyConverter().Convert(LegacyExamples.Row(file));

        Assert.Equal(blocks, conversion.Blocks.Count);
        Assert.Equal(days, conversion.Days.Count);
        Assert.Equal(sessions, conversion.Sessions.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), conversion.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_README_lists_exactly_the_example_files()
    {
        // Its table's rows are the folder's files, no more, no fewer (an unread table would list none).
        var files = Directory.GetFiles(LegacyExamples.Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(files, LegacyExamples.Expectations().Keys.Order(StringComparer.Ordinal));
    }
}
