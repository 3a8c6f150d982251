using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Planner.Cli;

/// <summary>
/// The <c>planner</c> command line, on System.CommandLine: one verb per file (<c>*Command.Create</c>), generated
/// help, tab completion through the <c>[suggest]</c> directive, and the exit codes of docs/cli.md.
/// </summary>
internal static class CliEntry
{
    /// <summary>Exit code of a usage, file or database problem (docs/cli.md); System.CommandLine's own is 1.</summary>
    public const int UsageProblem = 2;

    private static Task<int> Main(string[] args) => RunAsync(args);

    /// <summary>Runs one verb and returns its exit code.</summary>
    internal static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    /// <summary>Parses the command line and runs the verb it names.</summary>
    internal static async Task<int> RunAsync(string[] args)
    {
        var result = CreateRoot().Parse(args, new ParserConfiguration
        {
            // "@file" is a file name here, as it always was, not a response file to expand.
            ResponseFileTokenReplacer = null,
        });
        if (result.Action is ParseErrorAction)
        {
            WriteUsageProblem(result.CommandResult.Command, result.Errors.Select(e => e.Message));
            return UsageProblem;
        }

        // A verb's run gets Ctrl+C and SIGTERM as System.CommandLine's cancellation token, from TerminationSignals rather
        // than System.CommandLine's own handler (why: see there); help, the version and completions need none. An
        // exception VerbRunner does not turn into a message is a bug: it is not made into exit 1, "programs failed".
        using var signals = result.Action is AsynchronousCommandLineAction ? new TerminationSignals(Prefix(result.CommandResult.Command)) : null;
        return await result.InvokeAsync(
            new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false },
            signals?.Token ?? CancellationToken.None);
    }

    /// <summary>The command tree: the root and its verbs, options and arguments.</summary>
    internal static RootCommand CreateRoot()
    {
        var root = new RootCommand("The planner tool: converts and migrates legacy training plans")
        {
            DemoCommand.Create(),
            ConvertCommand.Create(),
            MigrateCommand.Create(),
            VerifyCommand.Create(),
        };
        root.HelpName = "planner";

        // On Linux "/h" and "/?" are paths, not help: only --help, -h and -?.
        root.Options.Remove(root.Options.OfType<HelpOption>().Single());
        root.Options.Insert(0, new HelpOption("--help", "-h", "-?"));

        // "planner help" prints the help as --help does; "planner" alone prints it on standard error: a usage problem.
        var help = new Command("help", "Show help and usage information") { Hidden = true };
        help.SetAction(_ => WriteHelp(root, Console.Out, 0));
        root.Add(help);
        root.SetAction(_ => WriteHelp(root, Console.Error, UsageProblem));
        return root;
    }

    /// <summary>
    /// A command line a person got wrong: each problem on its own line, <c>planner VERB: ...</c>, then the verb's
    /// help, all on standard error.
    /// </summary>
    internal static void WriteUsageProblem(Command command, IEnumerable<string> problems)
    {
        var error = Console.Error;
        foreach (var problem in problems)
        {
            error.WriteLine($"{Prefix(command)}: {problem}");
        }

        error.WriteLine();
        WriteHelp(command, error, UsageProblem);
    }

    /// <summary><c>planner</c> or <c>planner VERB</c>, as messages start.</summary>
    internal static string Prefix(Command command) => command is RootCommand ? "planner" : "planner " + command.Name;

    /// <summary>Writes <paramref name="command"/>'s generated help (as <c>--help</c> does) to <paramref name="output"/>.</summary>
    private static int WriteHelp(Command command, TextWriter output, int exitCode)
    {
        var root = command as RootCommand ?? command.Parents.OfType<RootCommand>().Single();
        string[] help = command == root ? ["--help"] : [command.Name, "--help"];
        root.Parse(help).Invoke(new InvocationConfiguration { Output = output });
        return exitCode;
    }
}
