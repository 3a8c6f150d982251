using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;
using Planner.Migration.Tests;
using Planner.Model;

namespace Planner.Cli.Tests;

/// <summary>
/// docs/cli.md documents every verb and option of <c>planner</c>: each verb of the tool's System.CommandLine tree
/// (<see cref="CliEntry.CreateRoot"/>) has a heading <c>## `planner VERB`</c>, each option of a verb or of the root
/// appears in a code span that starts with it (<c>`--batch-size N`</c>), and each key of the migration report is
/// named in a code span. The lists come from the tool's own code.
/// </summary>
public sealed class CliDocumentationTests
{
    private static string Document => File.ReadAllText(RepositoryFiles.Path("docs", "cli.md"));

    /// <summary>The verbs: the commands of the tree a person can see (not the hidden <c>help</c>, which is <c>--help</c>).</summary>
    public static IReadOnlyList<string> Verbs() =>
        CliEntry.CreateRoot().Subcommands.Where(verb => !verb.Hidden).Select(verb => verb.Name).Order(StringComparer.Ordinal).ToList();

    /// <summary>The options: every option of every verb, and the root's (<c>--help</c>, <c>--version</c>), by name.</summary>
    public static IReadOnlyList<string> Options()
    {
        var root = CliEntry.CreateRoot();
        return root.Options.Concat(root.Subcommands.Where(verb => !verb.Hidden).SelectMany(verb => verb.Options))
            .Where(option => !option.Hidden)
            .Select(option => option.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> Undocumented(string document) =>
        Verbs().Where(verb => !Regex.IsMatch(document, $@"^##\s+`planner {Regex.Escape(verb)}[ `]", RegexOptions.Multiline))
            .Select(verb => "verb " + verb)
            .Concat(Options().Where(option => !document.Contains("`" + option, StringComparison.Ordinal)).Select(option => "option " + option))
            .ToList();

    [Fact]
    public void Every_verb_and_option_of_the_tool_is_in_docs_cli()
    {
        var missing = Undocumented(Document);

        Assert.True(missing.Count == 0, $"docs/cli.md does not document: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void The_lists_come_from_the_code_and_hold_what_the_tool_takes()
    {
        Assert.Equal(["convert", "demo", "migrate", "verify"], Verbs());
        Assert.Equal(["--batch-size", "--database", "--dry-run", "--help", "--provider", "--report", "--version"], Options());
    }

    [Theory]
    [InlineData("--database", "db")]
    [InlineData("--provider", "postgres")]
    [InlineData("--batch-size", "5")]
    [InlineData("--dry-run")]
    [InlineData("--report", "report.json")]
    public void The_parser_takes_each_listed_option_for_the_verbs_the_list_names(params string[] option)
    {
        // migrate takes each of its options; verify takes the ones it lists and refuses the others (migrate's own).
        var root = CliEntry.CreateRoot();
        string[] args = option[0] == "--database" ? option : ["--database", "db", .. option];
        var verify = root.Subcommands.Single(verb => verb.Name == "verify");

        Assert.Empty(root.Parse(["migrate", .. args]).Errors);
        Assert.Equal(verify.Options.Any(o => o.Name == option[0]), root.Parse(["verify", .. args]).Errors.Count == 0);
        Assert.Contains(option[0], Options());
    }

    [Fact]
    public void The_check_finds_an_option_or_a_verb_taken_out_of_the_document()
    {
        var withoutOption = Document.Replace("`--dry-run", "`(removed)", StringComparison.Ordinal);
        var withoutVerb = Regex.Replace(Document, @"^##\s+`planner verify", "## `(removed)", RegexOptions.Multiline);

        Assert.Contains("option --dry-run", Undocumented(withoutOption));
        Assert.Contains("verb verify", Undocumented(withoutVerb));
    }

    /// <summary>
    /// Every key the report writes, as docs/cli.md names them: <c>programs.total</c>, <c>rows.block_goals</c>,
    /// <c>failures[]</c>, and the keys of the objects in the lists by their own names.
    /// </summary>
    public static IReadOnlyList<string> ReportKeys()
    {
        var options = new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var context = new PlannerDbContext(options);
        var report = new MigrationReport(dryRun: false, PlannerTables.For(context).WrittenTables.Select(t => t.Name));
        report.AddFailure(new ProgramFailure("p-1", [new LegacyDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.InvalidJson, "$", "m")]));
        report.AddWarnings("p-2", [new LegacyDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownField, "$.x", "m")]);
        using var document = JsonDocument.Parse(ReportJson.Write(report));
        var keys = new List<string>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    keys.AddRange(property.Value.EnumerateObject().Select(p => property.Name + "." + p.Name));
                    break;
                case JsonValueKind.Array:
                    keys.Add(property.Name + "[]");
                    Collect(property.Value, keys);
                    break;
                default:
                    keys.Add(property.Name);
                    break;
            }
        }

        return keys.Distinct(StringComparer.Ordinal).ToList();

        static void Collect(JsonElement list, List<string> keys)
        {
            foreach (var item in list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                foreach (var property in item.EnumerateObject())
                {
                    keys.Add(property.Name);
                    if (property.Value.ValueKind == JsonValueKind.Array)
                    {
                        Collect(property.Value, keys);
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_key_of_the_migration_report_is_in_docs_cli()
    {
        var keys = ReportKeys();
        var missing = keys.Where(key => !Document.Contains("`" + key + "`", StringComparison.Ordinal)).ToList();

        Assert.Contains("programs.left_alone", keys);
        Assert.Contains("rows.block_goals", keys);
        Assert.Contains("cancelled", keys);
        Assert.True(missing.Count == 0, $"docs/cli.md does not name the report keys: {string.Join(", ", missing)}.");
    }
}
