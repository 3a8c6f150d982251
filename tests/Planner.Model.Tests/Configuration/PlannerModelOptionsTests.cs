using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Planner.Model.Configuration;

namespace Planner.Model.Tests.Configuration;

/// <summary>What <c>ApplyPlannerModel</c> does with its options, checked on the model alone.</summary>
public sealed class PlannerModelOptionsTests
{
    [Fact]
    public void The_defaults_are_the_seeds_table_names()
    {
        var model = Build(null);

        Assert.Equal(
            ["block_goals", "goals", "program_blocks", "program_days", "program_goals", "programs", "scheduled_sessions", "session_templates"],
            model.GetEntityTypes().Select(e => e.GetTableName()!).Order(StringComparer.Ordinal));
        Assert.All(model.GetEntityTypes(), e => Assert.Null(e.GetSchema()));
    }

    [Fact]
    public void Every_table_can_be_renamed_and_given_a_schema()
    {
        var model = Build(o =>
        {
            o.Schema = "plan";
            foreach (var property in typeof(PlannerTableNames).GetProperties())
            {
                property.SetValue(o.Tables, "t_" + property.Name.ToLowerInvariant());
            }
        });

        Assert.All(model.GetEntityTypes(), e => Assert.StartsWith("t_", e.GetTableName(), StringComparison.Ordinal));
        Assert.All(model.GetEntityTypes(), e => Assert.Equal("plan", e.GetSchema()));
        Assert.Equal(8, model.GetEntityTypes().Select(e => e.GetTableName()).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_table_name_is_refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => Build(o => o.Tables.Days = name));

        Assert.Contains("Days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tables_with_one_name_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Build(o => o.Tables.Goals = "PROGRAMS"));

        Assert.Contains("Programs and Goals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_schema_is_refused_and_null_means_the_default()
    {
        Assert.Throws<ArgumentException>(() => Build(o => o.Schema = ""));
        Assert.All(Build(o => o.Schema = null).GetEntityTypes(), e => Assert.Null(e.GetSchema()));
    }

    [Fact]
    public void A_null_model_builder_is_refused() =>
        Assert.Throws<ArgumentNullException>(() => PlannerModelBuilderExtensions.ApplyPlannerModel(null!));

    [Fact]
    public void An_unknown_date_mapping_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Build(o => o.DateMapping = (PlannerDateMapping)42));

    private static Microsoft.EntityFrameworkCore.Metadata.IModel Build(Action<PlannerModelOptions>? configure)
    {
        var builder = new ModelBuilder(new ConventionSet());
        builder.ApplyPlannerModel(configure);
        return (Microsoft.EntityFrameworkCore.Metadata.IModel)builder.Model;
    }
}
