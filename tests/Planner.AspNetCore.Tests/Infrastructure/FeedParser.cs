using System.Diagnostics;
using System.Text.Json;

namespace Planner.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The independent check of the feed: Debian's python3-icalendar, run with /usr/bin/python3 on
/// feed_check.py (installed by .ci/feed-parser.sh). Tests skip with the reason when it is missing, and
/// fail instead when CI=true.
/// </summary>
public static class FeedParser
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Problem = new(Probe);

    public static void SkipIfUnavailable()
    {
        var problem = Problem.Value;
        if (problem is not null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true and the feed parser is missing: {problem}");
        }

        if (problem is not null)
        {
            Assert.Skip(problem);
        }
    }

    /// <summary>The events the parser read from <paramref name="ics"/>.</summary>
    public static async Task<JsonElement> ParseAsync(string ics)
    {
        var path = Path.Combine(Path.GetTempPath(), $"planner-feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(path, ics);
        try
        {
            var (exit, output, error) = await RunAsync(Path.Combine(AppContext.BaseDirectory, "feed_check.py"), path);
            Assert.True(exit == 0, $"feed_check.py exited {exit}: {error}");
            using var document = JsonDocument.Parse(output);
            return document.RootElement.Clone();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string? Probe()
    {
        if (!File.Exists(Python))
        {
            return $"Feed parser tests skipped: {Python} is missing (run .ci/feed-parser.sh).";
        }

        var (exit, _, _) = RunAsync("-c", "import icalendar").GetAwaiter().GetResult();
        return exit == 0 ? null : "Feed parser tests skipped: python3-icalendar is not installed (run .ci/feed-parser.sh).";
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
