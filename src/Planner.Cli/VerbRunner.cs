using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;

namespace Planner.Cli;

/// <summary>
/// Runs a verb's body with Ctrl+C and SIGTERM wired to cancellation, and turns the problems a person can fix into
/// one line on standard error and exit code 2: never a stack trace for bad input or a bad database.
/// </summary>
internal static class VerbRunner
{
    public static int Run(string verb, Func<CancellationToken, Task<int>> body)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                // The first Ctrl+C ends the run after the programs in flight; a second one kills the process.
                e.Cancel = true;
                Console.Error.WriteLine($"planner {verb}: stopping after the programs in flight (Ctrl+C again to kill)...");
                cancellation.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;

        // SIGTERM (docker stop, systemd, kill) ends the run the same way: after the programs in flight.
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                context.Cancel = true;
                Console.Error.WriteLine($"planner {verb}: terminated; stopping after the programs in flight...");
                cancellation.Cancel();
            }
        });
        try
        {
            return body(cancellation.Token).GetAwaiter().GetResult();
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(CliEntry.Usage);
            return 2;
        }
        catch (ConnectionProblemException e)
        {
            Console.Error.WriteLine($"planner {verb}: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C while a read was in flight: what was written is complete, as after the programs in flight.
            Console.Error.WriteLine($"planner {verb}: cancelled; the programs written so far are complete. Run it again to go on.");
            return 1;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            Console.Error.WriteLine($"planner {verb}: database or file problem: {DatabaseErrorText.Describe(e)}");
            return 2;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
