using System.Reflection;
using System.Text.RegularExpressions;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;
using Planner.Testing;

namespace Planner.Migration.Tests.Legacy;

/// <summary>
/// docs/legacy-format.md is the converter's contract, and its catalogue of diagnostics is complete: every code
/// the converter (<see cref="DiagnosticCodes"/>) or the migration (<see cref="MigrationCodes"/>) defines has a
/// heading <c>### `code`</c> there, and every such heading is a code the code defines. The codes are read from
/// the constants themselves, so a new code without documentation fails here.
/// </summary>
public sealed partial class FormatDocumentationTests
{
    private static string Document => File.ReadAllText(RepositoryFiles.Path("docs", "legacy-format.md"));

    /// <summary>Every <c>const string</c> of the code classes: the codes tools and reports print.</summary>
    public static IReadOnlyList<string> DefinedCodes() =>
        new[] { typeof(DiagnosticCodes), typeof(MigrationCodes) }
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The codes of the document: its <c>### `code`</c> headings.</summary>
    public static IReadOnlyList<string> DocumentedCodes(string document) =>
        CodeHeading().Matches(document).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Every_code_the_converter_or_the_migration_defines_has_its_heading_in_docs_legacy_format()
    {
        var documented = DocumentedCodes(Document);

        var missing = DefinedCodes().Except(documented, StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"docs/legacy-format.md has no '### `code`' section for: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void Every_code_heading_of_docs_legacy_format_is_a_code_the_code_defines()
    {
        var extra = DocumentedCodes(Document).Except(DefinedCodes(), StringComparer.Ordinal).ToList();

        Assert.True(extra.Count == 0, $"docs/legacy-format.md documents codes the code does not define: {string.Join(", ", extra)}.");
    }

    [Fact]
    public void Each_code_is_documented_once()
    {
        var repeated = DocumentedCodes(Document).GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(repeated);
    }

    [Fact]
    public void The_check_finds_a_code_taken_out_of_the_document()
    {
        // The rule can fail: the document without one code's heading no longer covers every code.
        var code = DefinedCodes()[0];
        var without = Document.Replace($"### `{code}`", "### (removed)", StringComparison.Ordinal);

        Assert.Contains(code, DefinedCodes().Except(DocumentedCodes(without), StringComparer.Ordinal));
    }

    [Fact]
    public void The_code_classes_hold_the_codes_tools_print()
    {
        // The reflection above reads what it should: both classes, kebab-case codes, no repeats.
        var codes = DefinedCodes();

        Assert.Contains(DiagnosticCodes.InvalidJson, codes);
        Assert.Contains(MigrationCodes.DualWritten, codes);
        Assert.All(codes, code => Assert.Matches("^[a-z]+(-[a-z]+)*$", code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [GeneratedRegex(@"^###\s+`([a-z-]+)`", RegexOptions.Multiline)]
    private static partial Regex CodeHeading();
}
