using Microsoft.EntityFrameworkCore;

namespace Planner.Testing.Databases;

/// <summary>An entity of the host's own, beside the planner's.</summary>
public sealed class Athlete
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? ProgramId { get; set; }
}

/// <summary>A host application's own context: its entities plus <c>ApplyPlannerModel()</c>.</summary>
public sealed class HostContext(DbContextOptions<HostContext> options) : DbContext(options)
{
    public DbSet<Athlete> Athletes => Set<Athlete>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Athlete>().ToTable("athletes");
        modelBuilder.ApplyPlannerModel();
    }
}
