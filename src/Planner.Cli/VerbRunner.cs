using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Planner.Cli;

/// <summary>
/// Runs a verb's body and turns the problems a person can fix into one line on standard error and exit code 2
/// (never a stack trace for bad input or a bad database), and a cancelled read into exit 1.
/// </summary>
internal static class VerbRunner
{
    /// <summary>Runs <paramref name="body"/> for the verb <paramref name="command"/> with System.CommandLine's cancellation token.</summary>
    public static async Task<int> RunAsync(Command command, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var verb = CliEntry.Prefix(command);
        try
        {
            return await body(cancellationToken);
        }
        catch (UsageException e)
        {
            CliEntry.WriteUsageProblem(command, [e.Message]);
            return CliEntry.UsageProblem;
        }
        catch (ConnectionProblemException e)
        {
            Console.Error.WriteLine($"{verb}: {e.Message}");
            return CliEntry.UsageProblem;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C while a read was in flight: what was written is complete, as after the programs in flight.
            Console.Error.WriteLine($"{verb}: cancelled; the programs written so far are complete. Run it again to go on.");
            return 1;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            Console.Error.WriteLine($"{verb}: database or file problem: {DatabaseErrorText.Describe(e)}");
            return CliEntry.UsageProblem;
        }
    }
}
