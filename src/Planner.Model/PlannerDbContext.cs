using Microsoft.EntityFrameworkCore;

namespace Planner.Model;

/// <summary>
/// A ready context for applications that want no context of their own (the <c>planner</c> tool):
/// the planner's entities with the default mapping.
/// </summary>
/// <remarks>Hosts with their own <see cref="DbContext"/> call <c>modelBuilder.ApplyPlannerModel()</c> instead.</remarks>
public class PlannerDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options, with a provider configured.</param>
    public PlannerDbContext(DbContextOptions<PlannerDbContext> options)
        : base(options)
    {
    }

    /// <summary>Creates the context from options built for a derived type.</summary>
    /// <param name="options">The options, with a provider configured.</param>
    protected PlannerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The programs.</summary>
    public DbSet<TrainingProgram> Programs => Set<TrainingProgram>();

    /// <summary>The blocks.</summary>
    public DbSet<ProgramBlock> Blocks => Set<ProgramBlock>();

    /// <summary>The days.</summary>
    public DbSet<ProgramDay> Days => Set<ProgramDay>();

    /// <summary>The sessions.</summary>
    public DbSet<ScheduledSession> Sessions => Set<ScheduledSession>();

    /// <summary>The session templates.</summary>
    public DbSet<SessionTemplate> SessionTemplates => Set<SessionTemplate>();

    /// <summary>The goals.</summary>
    public DbSet<Goal> Goals => Set<Goal>();

    /// <inheritdoc />
    /// <remarks>
    /// Adds the planner's conventions (<see cref="PlannerModelConfigurationBuilderExtensions.ApplyPlannerConventions"/>),
    /// so a derived context may rename any column after <c>base.OnModelCreating</c>. A derived context
    /// that overrides this calls <c>base.ConfigureConventions</c>.
    /// </remarks>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.ApplyPlannerConventions();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyPlannerModel();
    }
}
