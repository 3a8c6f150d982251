using System.Globalization;

namespace Planner.Cli;

/// <summary>A command line a person got wrong: the message says what to write instead.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The options of <c>migrate</c> and <c>verify</c>, parsed by hand: four options need no framework.</summary>
internal sealed class DatabaseOptions
{
    public const string DatabaseOption = "--database";
    public const string ProviderOption = "--provider";
    public const string BatchSizeOption = "--batch-size";
    public const string DryRunOption = "--dry-run";
    public const string ReportOption = "--report";

    /// <summary>
    /// Every option the parser takes, and whether only <c>migrate</c> takes it (<c>verify</c> the others): the
    /// cases of <see cref="Parse"/> are these constants, and a test checks docs/cli.md names each of them.
    /// </summary>
    public static IReadOnlyList<(string Name, bool MigrateOnly)> All { get; } =
    [
        (DatabaseOption, false),
        (ProviderOption, false),
        (BatchSizeOption, true),
        (DryRunOption, true),
        (ReportOption, true),
    ];

    public string Database { get; private set; } = string.Empty;

    public string Provider { get; private set; } = "sqlite";

    public int BatchSize { get; private set; } = 100;

    public bool DryRun { get; private set; }

    public string? Report { get; private set; }

    /// <summary>Parses the options a verb allows.</summary>
    /// <exception cref="UsageException">An option is unknown, repeated without a value, or out of range.</exception>
    public static DatabaseOptions Parse(string verb, string[] args, bool migrateOptions)
    {
        var options = new DatabaseOptions();
        var i = 0;
        for (; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case DatabaseOption:
                    options.Database = Value(arg);
                    break;
                case ProviderOption:
                    options.Provider = Value(arg).ToLowerInvariant() switch
                    {
                        "sqlite" => "sqlite",
                        "postgres" or "postgresql" or "npgsql" => "postgres",
                        var other => throw new UsageException($"planner {verb}: --provider must be sqlite or postgres, not '{other}'."),
                    };
                    break;
                case BatchSizeOption when migrateOptions:
                    var text = Value(arg);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
                    {
                        throw new UsageException($"planner {verb}: --batch-size must be a whole number of at least 1, not '{text}'.");
                    }

                    options.BatchSize = size;
                    break;
                case DryRunOption when migrateOptions:
                    options.DryRun = true;
                    break;
                case ReportOption when migrateOptions:
                    options.Report = Value(arg);
                    break;
                default:
                    throw new UsageException($"planner {verb}: unknown option '{arg}'.");
            }
        }

        if (options.Database.Length == 0)
        {
            throw new UsageException($"planner {verb}: --database is required (a SQLite file or connection string, or a PostgreSQL connection string with --provider postgres).");
        }

        if (options.Report is { } report)
        {
            EnsureWritable(verb, report);
        }

        return options;

        // Checked before anything is written: a report that cannot be saved is a usage problem, found up front.
        static void EnsureWritable(string verb, string path)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    throw new UsageException($"planner {verb}: --report '{path}' is a folder; give a file name.");
                }

                using (File.Open(path, FileMode.OpenOrCreate, FileAccess.Write))
                {
                }

                // Only a probe: the report is written at the end. An earlier run's report goes now, so a run
                // that stops before its end (a crash, a lost connection) leaves none that could pass for its own.
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"planner {verb}: cannot write the report '{path}': {e.Message}");
            }
        }

        string Value(string name)
        {
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"planner {verb}: {name} needs a value.");
            }

            return args[++i];
        }
    }
}
