using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Planner.Model.Configuration;

/// <summary>Blocks: a program's ranges of dates, which end on or after they start.</summary>
internal sealed class ProgramBlockConfiguration(PlannerModelOptions options) : IEntityTypeConfiguration<ProgramBlock>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ProgramBlock> block)
    {
        var tables = options.Tables;
        block.ToTable(tables.Blocks, options.Schema);
        block.HasKey(b => b.Id);
        block.Property(b => b.Id).HasColumnName("id").HasMaxLength(PlannerModelMapping.IdLength);
        block.Property(b => b.ProgramId).HasColumnName("program_id").HasMaxLength(PlannerModelMapping.IdLength).IsRequired();
        block.Property(b => b.LegacyId).HasColumnName("legacy_id");
        block.Property(b => b.Position).HasColumnName("position");
        block.Property(b => b.Name).HasColumnName("name").IsRequired();
        PlannerModelMapping.MapDate(block.Property(b => b.StartDate).HasColumnName("start_date"), options);
        PlannerModelMapping.MapDate(block.Property(b => b.EndDate).HasColumnName("end_date"), options);
        block.Property(b => b.Color).HasColumnName("color");

        block.HasIndex(b => new { b.ProgramId, b.StartDate }).HasDatabaseName($"ix_{tables.Blocks}_program_id_start_date");
        block.HasMany(b => b.Days).WithOne(d => d.Block).HasForeignKey(d => d.BlockId).OnDelete(DeleteBehavior.Cascade);
        block.HasMany(b => b.GoalLinks).WithOne(l => l.Block).HasForeignKey(l => l.BlockId).OnDelete(DeleteBehavior.Cascade);

        // Last, once the columns have their names: the SQL names the columns, not the properties.
        PlannerCheckConstraints.Add(block, $"ck_{tables.Blocks}_dates", "{EndDate} >= {StartDate}");
    }
}
