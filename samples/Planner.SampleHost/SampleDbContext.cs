using Microsoft.EntityFrameworkCore;

namespace Planner.SampleHost;

/// <summary>The sample's context: the planner's tables (as <c>planner demo</c> made them) and the feed tables.</summary>
public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options)
{
    // The feed tables on SQLite, as ApplyPlannerFeeds() maps them; a real host adds them with its migrations.
    public const string FeedTablesSql = """
        CREATE TABLE IF NOT EXISTS planner_feed_tokens (
            id TEXT NOT NULL PRIMARY KEY,
            program_id TEXT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
            secret_hash BLOB NOT NULL,
            created_at_unix_ms INTEGER NOT NULL,
            revoked_at_unix_ms INTEGER NULL);
        CREATE INDEX IF NOT EXISTS ix_planner_feed_tokens_program_id ON planner_feed_tokens (program_id);
        CREATE TABLE IF NOT EXISTS planner_feed_events (
            session_id TEXT NOT NULL PRIMARY KEY REFERENCES scheduled_sessions (id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            last_modified_unix_ms INTEGER NOT NULL);
        """;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyPlannerModel();
        modelBuilder.ApplyPlannerFeeds();
    }
}
