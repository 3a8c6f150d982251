using Microsoft.EntityFrameworkCore;

namespace Planner.AspNetCore.Tests.Infrastructure;

/// <summary>A host's context as the HTTP API wants it: the planner's model and the feed tables.</summary>
public sealed class ApiContext(DbContextOptions<ApiContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyPlannerModel();
        modelBuilder.ApplyPlannerFeeds();
    }
}
