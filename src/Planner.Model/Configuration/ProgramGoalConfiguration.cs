using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Planner.Model.Configuration;

/// <summary>Links of programs to goals.</summary>
internal sealed class ProgramGoalConfiguration(PlannerModelOptions options) : IEntityTypeConfiguration<ProgramGoal>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ProgramGoal> link)
    {
        var tables = options.Tables;
        link.ToTable(tables.ProgramGoals, options.Schema);
        link.HasKey(l => new { l.ProgramId, l.GoalId });
        link.Property(l => l.ProgramId).HasColumnName("program_id").HasMaxLength(PlannerModelMapping.IdLength);
        link.Property(l => l.GoalId).HasColumnName("goal_id").HasMaxLength(PlannerModelMapping.IdLength);
        link.HasIndex(l => l.GoalId).HasDatabaseName($"ix_{tables.ProgramGoals}_goal_id");
    }
}
