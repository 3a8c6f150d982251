using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Planner.Model.Configuration;

/// <summary>Links of blocks to goals.</summary>
internal sealed class BlockGoalConfiguration(PlannerModelOptions options) : IEntityTypeConfiguration<BlockGoal>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<BlockGoal> link)
    {
        var tables = options.Tables;
        link.ToTable(tables.BlockGoals, options.Schema);
        link.HasKey(l => new { l.BlockId, l.GoalId });
        link.Property(l => l.BlockId).HasColumnName("block_id").HasMaxLength(PlannerModelMapping.IdLength);
        link.Property(l => l.GoalId).HasColumnName("goal_id").HasMaxLength(PlannerModelMapping.IdLength);
        link.HasIndex(l => l.GoalId).HasDatabaseName($"ix_{tables.BlockGoals}_goal_id");
    }
}
