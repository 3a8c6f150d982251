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

        Assert.Contains("unknown verb 'frobnicate'", error.ToString());
    }
}
