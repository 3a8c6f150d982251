using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Planner.Model.Configuration;

/// <summary>Session templates: a legacy table, mapped as the legacy database has it.</summary>
internal sealed class SessionTemplateConfiguration(PlannerModelOptions options) : IEntityTypeConfiguration<SessionTemplate>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<SessionTemplate> template)
    {
        template.ToTable(options.Tables.SessionTemplates, options.Schema);
        template.HasKey(t => t.Id);
        template.Property(t => t.Id).HasColumnName("id").HasMaxLength(PlannerModelMapping.IdLength);
        template.Property(t => t.Name).HasColumnName("name").IsRequired();
    }
}
