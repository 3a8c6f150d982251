using System.Text.RegularExpressions;

namespace Planner.Testing;

/// <summary>
/// The C# blocks of a Markdown document of the repository (the README's), and the check that each is code a
/// test compiles: every block carries a title (<c>```csharp title="Create the planner"</c>) and occurs, line for
/// line, in one of the source files named, indentation and blank lines aside (a README block has no
/// indentation, the same lines in a method body have some). One mechanism for every snippet the README
/// shows, so none can drift from the code the tests run.
/// </summary>
public static partial class DocumentedCode
{
    /// <summary>Every <c>csharp</c> block of the document, in order; fails the test when one has no title.</summary>
    /// <param name="document">The document's path inside the clone, with forward slashes: <c>README.md</c>.</param>
    public static IReadOnlyList<CodeBlock> Blocks(string document)
    {
        var text = Read(document);
        var blocks = TitledBlock().Matches(text)
            .Select(m => new CodeBlock(m.Groups["title"].Value, m.Groups["code"].Value))
            .ToList();
        var fences = CSharpFence().Count(text);
        Assert.True(
            blocks.Count == fences,
            $"{document} has {fences} csharp blocks and {blocks.Count} with a title: give each a title (```csharp title=\"...\"), so the check can name it.");
        return blocks;
    }

    /// <summary>
    /// Fails the test, naming each block and showing its code, unless every block occurs in one of the
    /// source files, line for line (whole lines, in order, indentation and blank lines aside).
    /// </summary>
    /// <param name="blocks">The blocks to find.</param>
    /// <param name="sources">The source files that compile them, each as its path inside the clone, with forward slashes.</param>
    public static void AssertEachCompiledIn(IEnumerable<CodeBlock> blocks, params string[] sources)
    {
        var code = sources.Select(source => Lines(Read(source))).ToList();
        var missing = blocks.Where(block => !code.Any(source => source.Contains(Lines(block.Code), StringComparison.Ordinal))).ToList();
        Assert.True(
            missing.Count == 0,
            string.Join(
                "\n",
                missing.Select(block => $"The block \"{block.Title}\" is in none of {string.Join(", ", sources)} (indentation aside):\n{block.Code}")));
    }

    /// <summary>The document's block of that title; fails the test when it has none or several.</summary>
    public static CodeBlock Block(string document, string title) =>
        Assert.Single(Blocks(document), block => block.Title == title);

    private static string Read(string path) => File.ReadAllText(RepositoryFiles.Path(path.Split('/'))).ReplaceLineEndings("\n");

    /// <summary>The trimmed non-blank lines, each between line breaks, so that a match is of whole lines.</summary>
    private static string Lines(string code) =>
        "\n" + string.Join("\n", code.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)) + "\n";

    [GeneratedRegex("""^```csharp title="(?<title>[^"]+)"\n(?<code>.*?)^```""", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TitledBlock();

    [GeneratedRegex("^```csharp", RegexOptions.Multiline)]
    private static partial Regex CSharpFence();
}

/// <summary>One C# block of a document: its title and its code as the document shows it.</summary>
public sealed record CodeBlock(string Title, string Code);
