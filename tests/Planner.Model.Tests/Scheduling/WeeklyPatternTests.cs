using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Scheduling;

public sealed class WeeklyPatternTests
{
    [Theory]
    [InlineData(IsoDayOfWeek.None)]
    [InlineData((IsoDayOfWeek)8)]
    [InlineData((IsoDayOfWeek)(-1))]
    public void The_indexer_refuses_what_is_not_a_weekday(IsoDayOfWeek weekday)
    {
        var pattern = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>> { [IsoDayOfWeek.Monday] = [new PlannedSession("tpl-easy")] });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => pattern[weekday]);

        Assert.Equal("weekday", error.ParamName);
    }

    [Fact]
    public void The_indexer_gives_each_weekday_its_sessions()
    {
        var pattern = new WeeklyPattern(new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>> { [IsoDayOfWeek.Sunday] = [new PlannedSession("tpl-long")] });

        Assert.Equal("tpl-long", Assert.Single(pattern[IsoDayOfWeek.Sunday]).TemplateId);
        Assert.Empty(pattern[IsoDayOfWeek.Monday]);
    }
}
