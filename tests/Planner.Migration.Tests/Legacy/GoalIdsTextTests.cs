using CsCheck;
using Planner.Migration.Legacy;
using Planner.Model;

namespace Planner.Migration.Tests.Legacy;

/// <summary>
/// The <c>goal_ids</c> text has two writers that share no code: the reverse writer of this package and
/// the planning API's dual writes in Planner.Model (which cannot reference the converter). Old readers
/// must see the same text whichever wrote it.
/// </summary>
public sealed class GoalIdsTextTests
{
    [Fact]
    public void Ids_that_need_escaping_are_written_alike_by_both()
    {
        string[] ids = ["g-1", "quote \" and \\ backslash", "<b>&'</b>", "caf\u00e9 \u2028 \t\n", "\U0001F3C3 run", ""];

        Assert.Equal(LegacyColumns.GoalIds(ids), LegacyScheduleWriter.WriteGoalIds(ids));
        Assert.Equal("[]", LegacyScheduleWriter.WriteGoalIds([]));
    }

    [Fact]
    public void Any_list_of_ids_is_written_alike_by_both()
    {
        // Whole characters of the Basic Multilingual Plane outside the surrogates, which no writer accepts alone.
        var ids = Gen.String[Gen.Char['\0', '\ud7ff'], 0, 12].Array[0, 6];

        ids.Sample(list => Assert.Equal(LegacyColumns.GoalIds(list), LegacyScheduleWriter.WriteGoalIds(list)));
    }
}
