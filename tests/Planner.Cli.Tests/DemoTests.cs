using System.Text.Json;

namespace Planner.Cli.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_builds_a_fresh_database_each_run_migrates_verifies_and_explains()
    {
        var folder = Directory.CreateTempSubdirectory("planner-demo-").FullName;
        try
        {
            var first = await PlannerRun.ChildAsync(folder, "demo");
            var second = await PlannerRun.ChildAsync(folder, "demo");

            Assert.True(first.Exit == 0, first.Error);
            Assert.Equal(0, second.Exit);
            Assert.Equal(first.Out, second.Out); // fresh each run: the same data, the same story
            Assert.Empty(second.Error);
            Assert.Contains("What happened", second.Out);
            Assert.Contains(Path.Combine(folder, DemoCommand.ReportFile), second.Out);

            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, DemoCommand.ReportFile)));
            var programs = report.RootElement.GetProperty("programs");
            Assert.Equal(300, programs.GetProperty("total").GetInt64());
            Assert.Equal(300, programs.GetProperty("migrated").GetInt64() + programs.GetProperty("failed").GetInt64());
            Assert.Equal(0, programs.GetProperty("already_migrated").GetInt64());

            // Most programs go in, the broken ones fail, and verify agrees.
            // The generator breaks the programs where floor(i * ErrorShare) steps up (an even spread, not a draw), and
            // DemoCorpus's ErrorShare is 0.05: floor(300 * 0.05) = 15 broken programs fail, the other 285 go in.
            Assert.Equal(15, programs.GetProperty("failed").GetInt64());
            Assert.Contains("rows are exactly what their legacy JSON converts to", second.Out);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
