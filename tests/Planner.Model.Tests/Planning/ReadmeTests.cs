using Planner.Testing;

namespace Planner.Model.Tests.Planning;

/// <summary>
/// Every C# block of the README is code the tests compile and run: the planning section's in
/// <see cref="ReadmeSnippets"/>, the host's context in ReadmeExampleTests.cs (see <see cref="DocumentedCode"/>).
/// </summary>
public sealed class ReadmeTests
{
    [Fact]
    public void Every_titled_csharp_block_of_the_readme_occurs_in_the_snippets_file()
    {
        var blocks = DocumentedCode.Blocks("README.md");

        Assert.Contains(blocks, block => block.Title == "Create the planner");
        DocumentedCode.AssertEachCompiledIn(
            blocks,
            "tests/Planner.Model.Tests/Planning/ReadmeSnippets.cs",
            "tests/Planner.Model.Tests/Configuration/ReadmeExampleTests.cs");
    }
}
