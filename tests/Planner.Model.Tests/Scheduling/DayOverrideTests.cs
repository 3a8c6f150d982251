using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Scheduling;

public sealed class DayOverrideTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-3)]
    public void A_readiness_outside_1_to_10_is_refused_naming_the_date(int readiness)
    {
        var date = new LocalDate(2024, 5, 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DayOverride(date, DayOverrideKind.Annotate) { Readiness = readiness });

        Assert.Equal(nameof(DayOverride.Readiness), error.ParamName);
        Assert.Contains("2024-05-02", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(null)]
    public void A_readiness_of_1_to_10_or_none_is_kept(int? readiness) =>
        Assert.Equal(readiness, new DayOverride(new LocalDate(2024, 5, 2), DayOverrideKind.Rest) { Readiness = readiness }.Readiness);
}
