using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Planner.Model.Configuration;

/// <summary>Sessions: ordered within their day, each planning one session template.</summary>
internal sealed class ScheduledSessionConfiguration(PlannerModelOptions options) : IEntityTypeConfiguration<ScheduledSession>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ScheduledSession> session)
    {
        var tables = options.Tables;
        session.ToTable(tables.Sessions, options.Schema);
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).HasColumnName("id").HasMaxLength(PlannerModelMapping.IdLength);
        session.Property(s => s.DayId).HasColumnName("day_id").HasMaxLength(PlannerModelMapping.IdLength).IsRequired();
        session.Property(s => s.SessionTemplateId).HasColumnName("session_template_id").HasMaxLength(PlannerModelMapping.IdLength).IsRequired();
        session.Property(s => s.Position).HasColumnName("position");
        session.Property(s => s.Slot).HasColumnName("slot");
        session.Property(s => s.Notes).HasColumnName("notes");
        session.Property(s => s.IsCompleted).HasColumnName("is_completed");
        session.Property(s => s.CompletionData).HasColumnName("completion_data");
        session.Property(s => s.ConcurrencyStamp).HasColumnName("concurrency_stamp").HasMaxLength(PlannerModelMapping.StampLength).IsRequired().IsConcurrencyToken();

        session.HasIndex(s => new { s.DayId, s.Position }).IsUnique().HasDatabaseName($"ux_{tables.Sessions}_day_id_position");
        session.HasIndex(s => s.SessionTemplateId).HasDatabaseName($"ix_{tables.Sessions}_session_template_id");

        // A template in use cannot be deleted: the session's history would lose its meaning.
        session.HasOne(s => s.SessionTemplate).WithMany().HasForeignKey(s => s.SessionTemplateId).OnDelete(DeleteBehavior.Restrict);

        PlannerCheckConstraints.Add(session, $"ck_{tables.Sessions}_position", "{Position} >= 0");
    }
}
