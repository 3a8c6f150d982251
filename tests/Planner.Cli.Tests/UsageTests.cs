namespace Planner.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public void An_unknown_verb_is_a_usage_problem()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, CliEntry.Run(["frobnicate"]));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.StartsWith("planner: Unrecognized command or argument 'frobnicate'.", error.ToString());
    }

    [Fact]
    public void No_verb_at_all_is_a_usage_problem()
    {
        var (exit, output, error) = PlannerRun.InProcess();

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Usage:\n  planner [command] [options]", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_run_cancelled_while_a_read_is_in_flight_ends_with_one_line_and_exit_1()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, await VerbRunner.RunAsync(VerifyCommand.Create(), _ => throw new OperationCanceledException(), CancellationToken.None));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.StartsWith("planner verify: cancelled", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
    }
}
