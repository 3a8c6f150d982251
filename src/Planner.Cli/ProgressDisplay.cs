using System.Globalization;
using Planner.Migration.Migrating;

namespace Planner.Cli;

/// <summary>
/// Shows a migration's progress: a bar redrawn in place on a terminal, plain lines (one per tenth of the
/// programs) when the output goes to a file or a pipe.
/// </summary>
internal sealed class ProgressDisplay(TextWriter output, bool terminal) : IProgress<MigrationProgress>
{
    private const int Width = 30;
    private long _lastTenth = -1;

    public static ProgressDisplay ForConsole() => new(Console.Out, !Console.IsOutputRedirected);

    public void Report(MigrationProgress value)
    {
        var fraction = value.Total == 0 ? 1.0 : Math.Min(1.0, (double)value.Done / value.Total);
        if (terminal)
        {
            var filled = (int)(fraction * Width);
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{value.Total} programs  migrated {value.Migrated}  already {value.AlreadyMigrated}  failed {value.Failed}{(value.LeftAlone > 0 ? $"  left alone {value.LeftAlone}" : string.Empty)} "));
            return;
        }

        var tenth = (long)(fraction * 10);
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"progress: {value.Done}/{value.Total} programs, migrated {value.Migrated}, already migrated {value.AlreadyMigrated}, failed {value.Failed}{(value.LeftAlone > 0 ? $", left alone {value.LeftAlone}" : string.Empty)}"));
        }
    }

    /// <summary>Ends the bar's line, so what follows starts on its own.</summary>
    public void Finish()
    {
        if (terminal)
        {
            output.WriteLine();
        }
    }
}
