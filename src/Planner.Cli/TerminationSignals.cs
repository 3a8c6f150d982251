using System.Runtime.InteropServices;

namespace Planner.Cli;

/// <summary>
/// Ctrl+C and SIGTERM while a verb runs. The first one cancels <see cref="Token"/>, which System.CommandLine hands
/// the verb as its cancellation token: the run ends after the programs in flight (their batch commits or rolls back),
/// prints its summary, writes its report and exits 1. A second Ctrl+C is not caught: it kills the process.
/// </summary>
/// <remarks>
/// System.CommandLine's own handler (<c>ProcessTerminationTimeout</c>, turned off in <see cref="CliEntry"/>) cannot
/// keep that contract: it ends the process with 130 or 143 once its timeout (2 s by default) is over, which cuts a
/// batch short and leaves no summary or report; it catches every later signal too, so a second Ctrl+C would not
/// kill; and it does not say which signal came. Its token is the one cancelled here, so the verbs do not change.
/// </remarks>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly ConsoleCancelEventHandler _onInterrupt;
    private readonly PosixSignalRegistration _onTerminate;

    /// <summary>Starts listening.</summary>
    /// <param name="prefix">What the messages start with: <c>planner VERB</c>.</param>
    public TerminationSignals(string prefix)
    {
        _onInterrupt = (_, e) =>
        {
            if (!_cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                Console.Error.WriteLine($"{prefix}: stopping after the programs in flight (Ctrl+C again to kill)...");
                _cancellation.Cancel();
            }
        };
        Console.CancelKeyPress += _onInterrupt;

        // SIGTERM (docker stop, systemd, kill) ends the run the same way: after the programs in flight.
        _onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            if (!_cancellation.IsCancellationRequested)
            {
                context.Cancel = true;
                Console.Error.WriteLine($"{prefix}: terminated; stopping after the programs in flight...");
                _cancellation.Cancel();
            }
        });
    }

    /// <summary>Cancelled by the first Ctrl+C or SIGTERM.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        Console.CancelKeyPress -= _onInterrupt;
        _onTerminate.Dispose();
        _cancellation.Dispose();
    }
}
