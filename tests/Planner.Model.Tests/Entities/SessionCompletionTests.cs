using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Planner.Model.Tests.Entities;

/// <summary>The typed view of completion data: the common fields typed, every other field kept.</summary>
public sealed class SessionCompletionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_text_means_no_completion(string? json) => Assert.Null(SessionCompletion.Parse(json));

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("7")]
    [InlineData("\"done\"")]
    public void Text_that_is_not_an_object_is_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => SessionCompletion.Parse(json));

    [Fact]
    public void The_legacy_fields_are_typed_and_the_others_kept_in_order()
    {
        var completion = SessionCompletion.Parse("{\"rpe\":7,\"duration_min\":95,\"distance_km\":18.2,\"hr_avg\":141,\"route\":{\"name\":\"river\"}}")!;

        Assert.Equal((7m, 95m, 18.2m), (completion.Rpe, completion.DurationMinutes, completion.DistanceKm));
        Assert.Equal(["hr_avg", "route"], completion.OtherFields.Keys);
        Assert.Equal("{\"name\":\"river\"}", completion.OtherFields["route"]!.ToJsonString());
    }

    [Fact]
    public void A_common_field_that_is_not_a_number_is_kept_rather_than_lost()
    {
        var completion = SessionCompletion.Parse("{\"rpe\":\"hard\",\"distance_km\":null}")!;

        Assert.Null(completion.Rpe);
        Assert.Null(completion.DistanceKm);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"rpe\":\"hard\",\"distance_km\":null}"), JsonNode.Parse(completion.ToJson())));
    }

    [Fact]
    public void A_typed_value_replaces_a_kept_value_of_the_same_name()
    {
        var completion = SessionCompletion.Parse("{\"rpe\":\"hard\"}")!;
        completion.Rpe = 8;

        Assert.Equal("{\"rpe\":8}", completion.ToJson());
    }

    [Fact]
    public void Writing_then_reading_gives_back_every_field()
    {
        var amount = Gen.Int[0, 100_000].Select(i => i / 100m);
        Gen.Select(amount, amount, amount, Gen.Bool, Gen.Int[-1000, 1000].Array[0, 4])
            .Sample((rpe, duration, distance, withRpe, extras) =>
            {
                var written = new SessionCompletion { Rpe = withRpe ? rpe : null, DurationMinutes = duration, DistanceKm = distance };
                for (var i = 0; i < extras.Length; i++)
                {
                    written.OtherFields["extra_" + i] = extras[i];
                }

                var read = SessionCompletion.Parse(written.ToJson())!;

                Assert.Equal((written.Rpe, written.DurationMinutes, written.DistanceKm), (read.Rpe, read.DurationMinutes, read.DistanceKm));
                Assert.Equal(extras, read.OtherFields.Values.Select(v => v!.GetValue<int>()));
                Assert.Equal(written.ToJson(), read.ToJson());
            });
    }
}
