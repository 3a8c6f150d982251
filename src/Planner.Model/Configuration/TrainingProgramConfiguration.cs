using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Planner.Model.Configuration;

/// <summary>Programs: the legacy table, mapped as the legacy database has it.</summary>
internal sealed class TrainingProgramConfiguration(PlannerModelOptions options) : IEntityTypeConfiguration<TrainingProgram>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<TrainingProgram> program)
    {
        program.ToTable(options.Tables.Programs, options.Schema);
        program.HasKey(p => p.Id);
        program.Property(p => p.Id).HasColumnName("id").HasMaxLength(PlannerModelMapping.IdLength);
        program.Property(p => p.Name).HasColumnName("name").IsRequired();

        // The legacy table keeps its dates as ISO text, whatever the new tables use.
        program.Property(p => p.StartDate).HasColumnName("start_date").HasConversion(LocalDateConverters.ToIsoText);
        program.Property(p => p.EndDate).HasColumnName("end_date").HasConversion(LocalDateConverters.ToIsoText);
        program.Property(p => p.LegacyGoalIds).HasColumnName("goal_ids");
        program.Property(p => p.LegacyWeeklySchedule).HasColumnName("weekly_schedule");

        program.HasMany(p => p.Blocks).WithOne(b => b.Program).HasForeignKey(b => b.ProgramId).OnDelete(DeleteBehavior.Cascade);
        program.HasMany(p => p.GoalLinks).WithOne(l => l.Program).HasForeignKey(l => l.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}
