using System.CommandLine;
using Planner.Migration.Migrating;
using Planner.Model;

namespace Planner.Cli;

/// <summary><c>planner verify</c>: converts every migrated program again and compares with its rows.</summary>
internal static class VerifyCommand
{
    /// <summary>The verb, its options and its action.</summary>
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var command = new Command("verify", "Compares the migrated rows with a fresh conversion of their legacy JSON");
        database.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => VerbRunner.RunAsync(command, async cancellationToken =>
        {
            var (provider, connection) = database.Read(parseResult);
            var createContext = DatabaseConnection.Open(provider, connection);
            var report = await new LegacyMigrator<PlannerDbContext>(createContext).VerifyAsync(cancellationToken);
            Print(report, Console.Out);
            return report.IsClean ? 0 : 1;
        }, cancellationToken));
        return command;
    }

    public static void Print(VerificationReport report, TextWriter output)
    {
        foreach (var d in report.Differences)
        {
            output.WriteLine($"  {d.ProgramId}: {d.Table} {d.Id} {d.Column}: expected {Show(d.Expected)}, actual {Show(d.Actual)}");
        }

        output.WriteLine(report.IsClean
            ? $"verify: {report.ProgramsChecked} migrated programs checked, their rows are exactly what their legacy text converts to"
            : $"verify: {report.ProgramsChecked} migrated programs checked, {report.Differences.Count} differences");
        if (report.ProgramsLeftAlone > 0)
        {
            output.WriteLine($"verify: {report.ProgramsLeftAlone} programs not checked: their rows in the new tables are the planning API's or the host's (written by them, or edited through the API with dual writes since they were migrated)");
        }

        static string Show(string? value) => value is null ? "(none)" : "'" + value + "'";
    }
}
