using System.Diagnostics;
using Planner.Migration.Legacy;

namespace Planner.Cli.Tests;

/// <summary>Runs the tool: in this process with its console captured, or as a child process.</summary>
internal static class PlannerRun
{
    /// <summary>Runs a verb in this process; returns its exit code and what it wrote.</summary>
    public static (int Exit, string Out, string Error) InProcess(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = CliEntry.Run(args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }

    /// <summary>
    /// Starts <c>dotnet planner.dll</c> with the given arguments, output redirected; a cancelled test run
    /// (xunit's <see cref="TestContext.Current"/> token) kills it rather than leave it running.
    /// </summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(PlannerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        TestContext.Current.CancellationToken.Register(() => process.Kill(entireProcessTree: true));
        return process;
    }

    /// <summary>Runs the tool to its end as a child process.</summary>
    public static async Task<(int Exit, string Out, string Error)> ChildAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var cancellation = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The tool's own build output (its runtimeconfig beside it), found from this test assembly's.</summary>
    public static string PlannerDll
    {
        get
        {
            var here = AppContext.BaseDirectory;
            if (File.Exists(Path.Combine(here, "planner.runtimeconfig.json")))
            {
                return Path.Combine(here, "planner.dll");
            }

            // tests/Planner.Cli.Tests/bin/<configuration>/<framework>/ -> src/Planner.Cli/bin/<configuration>/<framework>/planner.dll
            var framework = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!;
            var root = configuration.Parent!.Parent!.Parent!.Parent!;
            return Path.Combine(root.FullName, "src", "Planner.Cli", "bin", configuration.Name, framework.Name, "planner.dll");
        }
    }
}
