using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Planner.Model.Configuration;

/// <summary>The planner's mapping: one method per entity, all driven by <see cref="PlannerModelOptions"/>.</summary>
internal static class PlannerModelMapping
{
    /// <summary>The length of every id column: short enough to index on every provider (SQL Server's 900-byte keys included).</summary>
    public const int IdLength = 128;

    /// <summary>The length of the concurrency-token columns.</summary>
    public const int StampLength = 32;

    public static void Apply(ModelBuilder modelBuilder, PlannerModelOptions options)
    {
        var tables = options.Tables;
        var schema = options.Schema;

        modelBuilder.Entity<TrainingProgram>(program =>
        {
            program.ToTable(tables.Programs, schema);
            program.HasKey(p => p.Id);
            program.Property(p => p.Id).HasColumnName("id").HasMaxLength(IdLength);
            program.Property(p => p.Name).HasColumnName("name").IsRequired();

            // The legacy table keeps its dates as ISO text, whatever the new tables use.
            program.Property(p => p.StartDate).HasColumnName("start_date").HasConversion(LocalDateConverters.ToIsoText);
            program.Property(p => p.EndDate).HasColumnName("end_date").HasConversion(LocalDateConverters.ToIsoText);
            program.Property(p => p.LegacyGoalIds).HasColumnName("goal_ids");
            program.Property(p => p.LegacyWeeklySchedule).HasColumnName("weekly_schedule");

            program.HasMany(p => p.Blocks).WithOne(b => b.Program).HasForeignKey(b => b.ProgramId).OnDelete(DeleteBehavior.Cascade);
            program.HasMany(p => p.GoalLinks).WithOne(l => l.Program).HasForeignKey(l => l.ProgramId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ProgramBlock>(block =>
        {
            block.ToTable(tables.Blocks, schema, t => t.HasCheckConstraint($"ck_{tables.Blocks}_dates", "end_date >= start_date"));
            block.HasKey(b => b.Id);
            block.Property(b => b.Id).HasColumnName("id").HasMaxLength(IdLength);
            block.Property(b => b.ProgramId).HasColumnName("program_id").HasMaxLength(IdLength).IsRequired();
            block.Property(b => b.LegacyId).HasColumnName("legacy_id");
            block.Property(b => b.Position).HasColumnName("position");
            block.Property(b => b.Name).HasColumnName("name").IsRequired();
            MapDate(block.Property(b => b.StartDate).HasColumnName("start_date"), options);
            MapDate(block.Property(b => b.EndDate).HasColumnName("end_date"), options);
            block.Property(b => b.Color).HasColumnName("color");

            block.HasIndex(b => new { b.ProgramId, b.StartDate }).HasDatabaseName($"ix_{tables.Blocks}_program_id_start_date");
            block.HasMany(b => b.Days).WithOne(d => d.Block).HasForeignKey(d => d.BlockId).OnDelete(DeleteBehavior.Cascade);
            block.HasMany(b => b.GoalLinks).WithOne(l => l.Block).HasForeignKey(l => l.BlockId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ProgramDay>(day =>
        {
            day.ToTable(tables.Days, schema, t => t.HasCheckConstraint($"ck_{tables.Days}_readiness", "readiness IS NULL OR (readiness >= 1 AND readiness <= 10)"));
            day.HasKey(d => d.Id);
            day.Property(d => d.Id).HasColumnName("id").HasMaxLength(IdLength);
            day.Property(d => d.BlockId).HasColumnName("block_id").HasMaxLength(IdLength).IsRequired();
            MapDate(day.Property(d => d.Date).HasColumnName("date"), options);
            day.Property(d => d.Name).HasColumnName("name");
            day.Property(d => d.Notes).HasColumnName("notes");
            day.Property(d => d.Readiness).HasColumnName("readiness");
            day.Property(d => d.ConcurrencyStamp).HasColumnName("concurrency_stamp").HasMaxLength(StampLength).IsRequired().IsConcurrencyToken();

            // One day per date per block; the same index serves "a block's days in a date window".
            day.HasIndex(d => new { d.BlockId, d.Date }).IsUnique().HasDatabaseName($"ux_{tables.Days}_block_id_date");
            day.HasMany(d => d.Sessions).WithOne(s => s.Day).HasForeignKey(s => s.DayId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ScheduledSession>(session =>
        {
            session.ToTable(tables.Sessions, schema, t => t.HasCheckConstraint($"ck_{tables.Sessions}_position", "position >= 0"));
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).HasColumnName("id").HasMaxLength(IdLength);
            session.Property(s => s.DayId).HasColumnName("day_id").HasMaxLength(IdLength).IsRequired();
            session.Property(s => s.SessionTemplateId).HasColumnName("session_template_id").HasMaxLength(IdLength).IsRequired();
            session.Property(s => s.Position).HasColumnName("position");
            session.Property(s => s.Slot).HasColumnName("slot");
            session.Property(s => s.Notes).HasColumnName("notes");
            session.Property(s => s.IsCompleted).HasColumnName("is_completed");
            session.Property(s => s.CompletionData).HasColumnName("completion_data");
            session.Property(s => s.ConcurrencyStamp).HasColumnName("concurrency_stamp").HasMaxLength(StampLength).IsRequired().IsConcurrencyToken();

            session.HasIndex(s => new { s.DayId, s.Position }).IsUnique().HasDatabaseName($"ux_{tables.Sessions}_day_id_position");
            session.HasIndex(s => s.SessionTemplateId).HasDatabaseName($"ix_{tables.Sessions}_session_template_id");

            // A template in use cannot be deleted: the session's history would lose its meaning.
            session.HasOne(s => s.SessionTemplate).WithMany().HasForeignKey(s => s.SessionTemplateId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SessionTemplate>(template =>
        {
            template.ToTable(tables.SessionTemplates, schema);
            template.HasKey(t => t.Id);
            template.Property(t => t.Id).HasColumnName("id").HasMaxLength(IdLength);
            template.Property(t => t.Name).HasColumnName("name").IsRequired();
        });

        modelBuilder.Entity<Goal>(goal =>
        {
            goal.ToTable(tables.Goals, schema);
            goal.HasKey(g => g.Id);
            goal.Property(g => g.Id).HasColumnName("id").HasMaxLength(IdLength);
            goal.Property(g => g.Name).HasColumnName("name").IsRequired();

            // Deleting a goal removes its links, never the plans linked to it.
            goal.HasMany(g => g.ProgramLinks).WithOne(l => l.Goal).HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
            goal.HasMany(g => g.BlockLinks).WithOne(l => l.Goal).HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ProgramGoal>(link =>
        {
            link.ToTable(tables.ProgramGoals, schema);
            link.HasKey(l => new { l.ProgramId, l.GoalId });
            link.Property(l => l.ProgramId).HasColumnName("program_id").HasMaxLength(IdLength);
            link.Property(l => l.GoalId).HasColumnName("goal_id").HasMaxLength(IdLength);
            link.HasIndex(l => l.GoalId).HasDatabaseName($"ix_{tables.ProgramGoals}_goal_id");
        });

        modelBuilder.Entity<BlockGoal>(link =>
        {
            link.ToTable(tables.BlockGoals, schema);
            link.HasKey(l => new { l.BlockId, l.GoalId });
            link.Property(l => l.BlockId).HasColumnName("block_id").HasMaxLength(IdLength);
            link.Property(l => l.GoalId).HasColumnName("goal_id").HasMaxLength(IdLength);
            link.HasIndex(l => l.GoalId).HasDatabaseName($"ix_{tables.BlockGoals}_goal_id");
        });
    }

    private static void MapDate(PropertyBuilder<LocalDate> property, PlannerModelOptions options)
    {
        switch (options.DateMapping)
        {
            case PlannerDateMapping.Date:
                property.HasConversion(LocalDateConverters.ToDateOnly);
                break;
            case PlannerDateMapping.IsoText:
                property.HasConversion(LocalDateConverters.ToIsoText).HasMaxLength(10);
                break;
            case PlannerDateMapping.ProviderNative:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.DateMapping, "Unknown date mapping.");
        }
    }
}
