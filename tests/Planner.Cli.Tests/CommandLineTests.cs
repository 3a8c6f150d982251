using System.CommandLine;
using Planner.Migration.Tests;

namespace Planner.Cli.Tests;

/// <summary>
/// The command line on System.CommandLine: generated help where docs/cli.md says, the exit codes of docs/cli.md
/// (2, not System.CommandLine's 1, for a usage problem), typed options, and completions for the shell.
/// </summary>
public sealed class CommandLineTests
{
    private static Option<DatabaseProvider> Provider(string verb) =>
        CliEntry.CreateRoot().Subcommands.Single(c => c.Name == verb).Options.OfType<Option<DatabaseProvider>>().Single();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_is_on_standard_output_with_exit_0_and_lists_every_verb(string help)
    {
        var (exit, output, error) = PlannerRun.InProcess(help);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(PlannerRun.InProcess("--help").Out, output);
        Assert.All(CliDocumentationTests.Verbs(), verb => Assert.Contains("  " + verb + " ", output));
        Assert.DoesNotContain("  help ", output); // "planner help" is --help, not a verb of its own
    }

    [Fact]
    public void A_verbs_help_lists_its_options_with_their_values()
    {
        var (exit, output, _) = PlannerRun.InProcess("migrate", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("planner migrate [options]", output);
        foreach (var option in new[] { "--database <CONN>", "--provider <sqlite|postgres>", "--batch-size <N>", "--dry-run", "--report <FILE>" })
        {
            Assert.Contains(option, output);
        }
    }

    [Fact]
    public void A_usage_problem_exits_2_with_the_problem_then_the_verbs_help_on_standard_error_only()
    {
        var (exit, output, error) = PlannerRun.InProcess("migrate", "--database", "x.db", "--colour", "blue");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        var lines = error.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("planner migrate: Unrecognized command or argument '--colour'.", lines[0]);
        Assert.Equal("planner migrate: Unrecognized command or argument 'blue'.", lines[1]);
        Assert.Contains("Usage:\n  planner migrate [options]", error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("sqlite", nameof(DatabaseProvider.Sqlite))]
    [InlineData("SQLite", nameof(DatabaseProvider.Sqlite))]
    [InlineData("postgres", nameof(DatabaseProvider.Postgres))]
    [InlineData("PostgreSQL", nameof(DatabaseProvider.Postgres))]
    [InlineData("npgsql", nameof(DatabaseProvider.Postgres))]
    public void The_provider_is_typed_and_takes_each_documented_spelling(string spelling, string expected)
    {
        foreach (var verb in new[] { "migrate", "verify" })
        {
            var provider = Provider(verb);
            var result = provider.Parents.OfType<Command>().Single().Parse(["--database", "db", "--provider", spelling]);

            Assert.Empty(result.Errors);
            Assert.Equal(Enum.Parse<DatabaseProvider>(expected), result.GetValue(provider));
        }
    }

    [Fact]
    public void Without_provider_the_database_is_SQLite()
    {
        var provider = Provider("migrate");

        Assert.Equal(DatabaseProvider.Sqlite, provider.Parents.OfType<Command>().Single().Parse(["--database", "db"]).GetValue(provider));
    }

    [Theory]
    [InlineData("--provider must be sqlite or postgres, not 'oracle'.", "migrate", "--database", "db", "--provider", "oracle")]
    [InlineData("--provider must be sqlite or postgres, not '1'.", "verify", "--database", "db", "--provider", "1")]
    [InlineData("--batch-size must be a whole number of at least 1, not '-5'.", "migrate", "--database", "db", "--batch-size", "-5")]
    [InlineData("--batch-size must be a whole number of at least 1, not '1.5'.", "migrate", "--database", "db", "--batch-size", "1.5")]
    [InlineData("--database needs a value, not the option '--dry-run'.", "migrate", "--database", "--dry-run")]
    [InlineData("--report needs a value, not the option '--dry-run'.", "migrate", "--database", "db", "--report", "--dry-run")]
    [InlineData("Unrecognized command or argument 'false'.", "migrate", "--database", "db", "--dry-run", "false")]
    [InlineData("--database is required (a SQLite file or connection string, or a PostgreSQL connection string with --provider postgres).", "verify")]
    [InlineData("expected a file of programs rows (one JSON object, or one a line) or '-' for standard input, not '-x'.", "convert", "-x")]
    public void A_value_the_tool_cannot_take_says_what_it_takes(string problem, params string[] args)
    {
        var (exit, output, error) = PlannerRun.InProcess(args);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"planner {args[0]}: {problem}\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Standard_input_is_a_file_argument_not_an_option()
    {
        var convert = CliEntry.CreateRoot().Subcommands.Single(c => c.Name == "convert");

        Assert.Empty(convert.Parse(["-"]).Errors);
    }

    [Theory]
    [InlineData("mi", "migrate")]
    [InlineData("migrate --provider ", "postgres\nsqlite")]
    [InlineData("verify --", "--database\n--help\n--provider")]
    public void The_suggest_directive_completes_verbs_options_and_provider_names(string typed, string expected)
    {
        var (exit, output, _) = PlannerRun.InProcess($"[suggest:{typed.Length}]", typed);

        Assert.Equal(0, exit);
        Assert.Equal(expected, output.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public void A_file_name_starting_with_at_is_a_file_not_a_response_file()
    {
        var (exit, _, error) = PlannerRun.InProcess("convert", "@no-such-rows.json");

        Assert.Equal(2, exit);
        Assert.StartsWith("planner convert: cannot read '@no-such-rows.json'", error);
    }

    [Fact]
    public void The_help_in_docs_cli_is_the_tools_own()
    {
        // docs/cli.md shows "planner --help" as it is: generated, so a new verb or description shows there too.
        var document = File.ReadAllText(RepositoryFiles.Path("docs", "cli.md")).ReplaceLineEndings("\n");
        var start = document.IndexOf("```text\nDescription:\n", StringComparison.Ordinal) + "```text\n".Length;
        var shown = document[start..document.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.Equal(PlannerRun.InProcess("--help").Out.ReplaceLineEndings("\n").TrimEnd('\n') + "\n", shown);
    }
}
