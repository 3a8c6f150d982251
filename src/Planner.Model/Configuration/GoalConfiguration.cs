using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Planner.Model.Configuration;

/// <summary>Goals: a legacy table, mapped as the legacy database has it.</summary>
internal sealed class GoalConfiguration(PlannerModelOptions options) : IEntityTypeConfiguration<Goal>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Goal> goal)
    {
        goal.ToTable(options.Tables.Goals, options.Schema);
        goal.HasKey(g => g.Id);
        goal.Property(g => g.Id).HasColumnName("id").HasMaxLength(PlannerModelMapping.IdLength);
        goal.Property(g => g.Name).HasColumnName("name").IsRequired();

        // Deleting a goal removes its links, never the plans linked to it.
        goal.HasMany(g => g.ProgramLinks).WithOne(l => l.Goal).HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
        goal.HasMany(g => g.BlockLinks).WithOne(l => l.Goal).HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}
