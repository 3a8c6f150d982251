namespace Planner.Cli;

/// <summary>The <c>planner</c> command line: one verb per file.</summary>
internal static class CliEntry
{
    private static int Main(string[] args) => Run(args);

    /// <summary>Runs one verb and returns its exit code.</summary>
    internal static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var verb = args[0];
        var rest = args[1..];
        switch (verb)
        {
            case "-h" or "--help" or "help":
                Console.Out.WriteLine(Usage);
                return 0;
            case "convert":
                return ConvertCommand.Run(rest);
            case "migrate":
                return MigrateCommand.Run(rest);
            case "verify":
                return VerifyCommand.Run(rest);
            case "demo":
                return DemoCommand.Run(rest);
            default:
                Console.Error.WriteLine($"planner: unknown verb '{verb}'.");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    internal const string Usage = """
        usage: planner <verb> [options]

          demo                      builds planner-demo.db from generated legacy programs, migrates, verifies
          convert FILE|-            prints the converted form of legacy programs rows
          migrate --database CONN [--provider sqlite|postgres] [--batch-size N] [--dry-run] [--report FILE]
          verify --database CONN [--provider sqlite|postgres]
        """;
}
