using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace Planner.Cli;

/// <summary>The database <c>--database</c> names: the values of <c>--provider</c>.</summary>
internal enum DatabaseProvider
{
    /// <summary>SQLite, the default (the first member: <c>default</c> when <c>--provider</c> is not given).</summary>
    Sqlite,

    /// <summary>PostgreSQL, through Npgsql (<c>postgres</c>; <c>postgresql</c> and <c>npgsql</c> are read as it too).</summary>
    Postgres,
}

/// <summary>A command line a person got wrong: the message says what to write instead.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The options <c>migrate</c> and <c>verify</c> share: which database, and what kind.</summary>
internal sealed class DatabaseOptions
{
    /// <summary><c>--database CONN</c>: required, with the tool's own message when it is missing.</summary>
    public Option<string> Database { get; } = new("--database")
    {
        HelpName = "CONN",
        Description = "Required. SQLite: a file name, or a connection string (anything with '='); PostgreSQL: an Npgsql connection string",
    };

    /// <summary><c>--provider sqlite|postgres</c>, any case; <c>postgresql</c> and <c>npgsql</c> are <c>postgres</c>.</summary>
    public Option<DatabaseProvider> Provider { get; } = CreateProvider();

    /// <summary>Adds both options to <paramref name="command"/>, and the check that <c>--database</c> is there.</summary>
    public void AddTo(Command command)
    {
        command.Add(RefuseAnOptionAsValue(Database));
        command.Add(Provider);
        var database = Database;
        command.Validators.Add(result =>
        {
            if (result.GetResult(database) is null)
            {
                result.AddError("--database is required (a SQLite file or connection string, or a PostgreSQL connection string with --provider postgres).");
            }
        });
    }

    /// <summary>
    /// Refuses a value that is another option (<c>--database --dry-run</c>): System.CommandLine would take it as the
    /// value, and a database or a report named <c>--dry-run</c> is a slip of the keyboard, not what was meant.
    /// </summary>
    public static Option<string> RefuseAnOptionAsValue(Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && value.StartsWith("--", StringComparison.Ordinal))
            {
                result.AddError($"{option.Name} needs a value, not the option '{value}'.");
            }
        });
        return option;
    }

    /// <summary>The provider and the database the command line names.</summary>
    public (DatabaseProvider Provider, string Database) Read(ParseResult parseResult) =>
        (parseResult.GetValue(Provider), parseResult.GetRequiredValue(Database));

    private static Option<DatabaseProvider> CreateProvider()
    {
        var option = new Option<DatabaseProvider>("--provider")
        {
            HelpName = "sqlite|postgres",
            Description = "Which database --database names [default: sqlite]",
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                switch (text.ToLowerInvariant())
                {
                    case "sqlite":
                        return DatabaseProvider.Sqlite;
                    case "postgres" or "postgresql" or "npgsql":
                        return DatabaseProvider.Postgres;
                    default:
                        result.AddError($"--provider must be sqlite or postgres, not '{text}'.");
                        return default;
                }
            },
        };

        // The names as they are typed, not the enum's.
        option.CompletionSources.Clear();
        option.CompletionSources.Add("sqlite", "postgres");
        return option;
    }
}

/// <summary>The text of a database provider, as messages and <c>--provider</c> write it.</summary>
internal static class DatabaseProviderText
{
    public static string Name(this DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
}
