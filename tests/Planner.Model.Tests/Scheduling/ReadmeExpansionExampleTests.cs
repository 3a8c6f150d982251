using Planner.Model.Tests.Planning;

namespace Planner.Model.Tests.Scheduling;

/// <summary>The README's expansion example, run, with its result worked out by hand from the rules.</summary>
public sealed class ReadmeExpansionExampleTests
{
    [Fact]
    public void The_readme_rotation_counts_weeks_from_a_wednesday_start_and_the_override_replaces_its_date()
    {
        // Weeks from Wed 2024-02-28: hard (Feb 28-Mar 5), hard (Mar 6-12), easy (Mar 13-19), hard (Mar 20-26), hard (Mar 27-31).
        string[] expected =
        [
            "2024-03-03 tpl-long ",
            "2024-03-05 tpl-intervals am",
            "2024-03-05 tpl-core pm",
            "2024-03-10 tpl-long ",
            "2024-03-12 tpl-intervals am",
            "2024-03-12 tpl-core pm",
            "2024-03-16 tpl-easy-45 ",
            "2024-03-17 tpl-race ",
            "2024-03-24 tpl-long ",
            "2024-03-26 tpl-intervals am",
            "2024-03-26 tpl-core pm",
            "2024-03-31 tpl-long ",
        ];

        Assert.Equal(expected, ReadmeSnippets.Expand());
    }
}
