using Planner.AspNetCore.Feeds;
using Planner.Model;

// In EF Core's namespace, like ApplyPlannerModel, so that `modelBuilder.` finds it.
namespace Microsoft.EntityFrameworkCore;

/// <summary>Maps the calendar feed's two tables into a host's <see cref="DbContext"/>.</summary>
public static class PlannerFeedsModelBuilderExtensions
{
    /// <summary>
    /// Maps the feed tokens (<c>planner_feed_tokens</c>: id, program, SHA-256 of the secret, created and
    /// revoked times) and the feed's event versions (<c>planner_feed_events</c>: per session, its last
    /// fingerprint, <c>SEQUENCE</c> and <c>LAST-MODIFIED</c>). Call it after <c>ApplyPlannerModel()</c>:
    /// both reference the planner's programs and sessions and are deleted with them.
    /// </summary>
    /// <param name="modelBuilder">The host context's model builder.</param>
    /// <param name="schema">The schema of the two tables; the provider's default when <see langword="null"/>.</param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder ApplyPlannerFeeds(this ModelBuilder modelBuilder, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<FeedToken>(token =>
        {
            token.ToTable("planner_feed_tokens", schema);
            token.HasKey(t => t.Id);
            token.Property(t => t.Id).HasColumnName("id").HasMaxLength(32);
            token.Property(t => t.ProgramId).HasColumnName("program_id").IsRequired();
            token.Property(t => t.SecretHash).HasColumnName("secret_hash").IsRequired().HasMaxLength(32);
            token.Property(t => t.CreatedAtUnixMs).HasColumnName("created_at_unix_ms");
            token.Property(t => t.RevokedAtUnixMs).HasColumnName("revoked_at_unix_ms");
            token.HasOne<TrainingProgram>().WithMany().HasForeignKey(t => t.ProgramId).OnDelete(DeleteBehavior.Cascade);
            token.HasIndex(t => t.ProgramId);
        });

        modelBuilder.Entity<FeedEventState>(state =>
        {
            state.ToTable("planner_feed_events", schema);
            state.HasKey(s => s.SessionId);
            state.Property(s => s.SessionId).HasColumnName("session_id");
            state.Property(s => s.Fingerprint).HasColumnName("fingerprint").IsRequired().HasMaxLength(64);
            state.Property(s => s.Sequence).HasColumnName("sequence");
            state.Property(s => s.LastModifiedUnixMs).HasColumnName("last_modified_unix_ms");
            state.HasOne<ScheduledSession>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        return modelBuilder;
    }
}
