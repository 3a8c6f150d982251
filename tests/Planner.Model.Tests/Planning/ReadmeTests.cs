using System.Text.RegularExpressions;

namespace Planner.Model.Tests.Planning;

/// <summary>The README's titled C# blocks are kept verbatim in <see cref="ReadmeSnippets"/>, so they compile and cannot drift.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void Every_titled_csharp_block_of_the_readme_occurs_in_the_snippets_file()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var snippets = Normalize(File.ReadAllText(Path.Combine(root, "tests", "Planner.Model.Tests", "Planning", "ReadmeSnippets.cs")));

        var blocks = TitledBlock().Matches(readme).Select(m => (Title: m.Groups["title"].Value, Code: m.Groups["code"].Value)).ToList();

        Assert.True(blocks.Count >= 8, $"Expected the README's planning section to have its titled snippets, found {blocks.Count}.");
        Assert.All(blocks, block => Assert.True(
            snippets.Contains(Normalize(block.Code), StringComparison.Ordinal),
            $"README block \"{block.Title}\" is not in ReadmeSnippets.cs verbatim (indentation aside):\n{block.Code}"));
    }

    /// <summary>Indentation differs (a README block has none, a method body has some); everything else must match.</summary>
    private static string Normalize(string code) =>
        string.Join("\n", code.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Planner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Planner.sln not found above the test's folder.");
    }

    [GeneratedRegex("""^```csharp title="(?<title>[^"]+)"\n(?<code>.*?)^```""", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TitledBlock();
}
