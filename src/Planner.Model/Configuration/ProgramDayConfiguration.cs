using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Planner.Model.Configuration;

/// <summary>Days: one per date per block, with the day's readiness kept within 1 to 10.</summary>
internal sealed class ProgramDayConfiguration(PlannerModelOptions options) : IEntityTypeConfiguration<ProgramDay>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ProgramDay> day)
    {
        var tables = options.Tables;
        day.ToTable(tables.Days, options.Schema);
        day.HasKey(d => d.Id);
        day.Property(d => d.Id).HasColumnName("id").HasMaxLength(PlannerModelMapping.IdLength);
        day.Property(d => d.BlockId).HasColumnName("block_id").HasMaxLength(PlannerModelMapping.IdLength).IsRequired();
        PlannerModelMapping.MapDate(day.Property(d => d.Date).HasColumnName("date"), options);
        day.Property(d => d.Name).HasColumnName("name");
        day.Property(d => d.Notes).HasColumnName("notes");
        day.Property(d => d.Readiness).HasColumnName("readiness");
        day.Property(d => d.ConcurrencyStamp).HasColumnName("concurrency_stamp").HasMaxLength(PlannerModelMapping.StampLength).IsRequired().IsConcurrencyToken();

        // One day per date per block; the same index serves "a block's days in a date window".
        day.HasIndex(d => new { d.BlockId, d.Date }).IsUnique().HasDatabaseName($"ux_{tables.Days}_block_id_date");
        day.HasMany(d => d.Sessions).WithOne(s => s.Day).HasForeignKey(s => s.DayId).OnDelete(DeleteBehavior.Cascade);

        PlannerCheckConstraints.Add(day, $"ck_{tables.Days}_readiness", "{Readiness} IS NULL OR ({Readiness} >= 1 AND {Readiness} <= 10)");
    }
}
