using Planner.Model;
using Planner.Model.Configuration;

// In EF Core's namespace, as OpenIddict does, so that `modelBuilder.` finds the entry point.
namespace Microsoft.EntityFrameworkCore;

/// <summary>Plugs the planner's entities into a host's own <see cref="DbContext"/>.</summary>
public static class PlannerModelBuilderExtensions
{
    /// <summary>
    /// Maps the planner's entities (<see cref="TrainingProgram"/>, <see cref="ProgramBlock"/>,
    /// <see cref="ProgramDay"/>, <see cref="ScheduledSession"/>, <see cref="SessionTemplate"/>,
    /// <see cref="Goal"/> and the goal links) with their tables, keys, constraints, cascades,
    /// indexes and concurrency tokens. Call it from <c>OnModelCreating</c>; change anything after it
    /// with plain EF Core.
    /// </summary>
    /// <param name="modelBuilder">The host's model builder.</param>
    /// <param name="configure">Sets schema, table names and the date mapping; <see langword="null"/> for the defaults.</param>
    /// <returns>The same model builder, for chaining.</returns>
    /// <remarks>
    /// EF Core caches the model per context type, so the options are fixed per context type. A context
    /// that renames, after this call, a column that a check constraint uses (a block's dates, a day's
    /// readiness, a session's position) also calls
    /// <see cref="PlannerModelConfigurationBuilderExtensions.ApplyPlannerConventions"/> from
    /// <c>ConfigureConventions</c>, so that the checks name the renamed columns.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The options name a blank table or schema, or give two tables the same name.
    /// </exception>
    public static ModelBuilder ApplyPlannerModel(this ModelBuilder modelBuilder, Action<PlannerModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var options = new PlannerModelOptions();
        configure?.Invoke(options);
        options.Validate();
        modelBuilder.ApplyConfiguration(new TrainingProgramConfiguration(options));
        modelBuilder.ApplyConfiguration(new ProgramBlockConfiguration(options));
        modelBuilder.ApplyConfiguration(new ProgramDayConfiguration(options));
        modelBuilder.ApplyConfiguration(new ScheduledSessionConfiguration(options));
        modelBuilder.ApplyConfiguration(new SessionTemplateConfiguration(options));
        modelBuilder.ApplyConfiguration(new GoalConfiguration(options));
        modelBuilder.ApplyConfiguration(new ProgramGoalConfiguration(options));
        modelBuilder.ApplyConfiguration(new BlockGoalConfiguration(options));
        return modelBuilder;
    }
}
