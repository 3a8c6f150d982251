using Microsoft.EntityFrameworkCore.Storage;
using Planner.Model;
using Planner.Model.Configuration;

// In EF Core's namespace, like ApplyPlannerModel, so that `configurationBuilder.` finds it.
namespace Microsoft.EntityFrameworkCore;

/// <summary>The planner's model conventions, for a host's own <see cref="DbContext"/>.</summary>
public static class PlannerModelConfigurationBuilderExtensions
{
    /// <summary>
    /// Adds the planner's conventions: when EF Core finalizes the model, after <c>OnModelCreating</c>,
    /// the planner's check constraints (a block ends on or after it starts, a day's readiness is 1 to 10,
    /// a session's position is not negative) are written again with the column names the model ends
    /// with. Call it from <c>ConfigureConventions</c> when <c>OnModelCreating</c> renames, after
    /// <c>ApplyPlannerModel()</c>, a column such a check uses; without it the checks name the planner's
    /// own columns. <see cref="PlannerDbContext"/> calls it already.
    /// </summary>
    /// <param name="configurationBuilder">The host's model configuration builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// A renamed column is quoted in the check's SQL, so any name works (mixed case on PostgreSQL, a
    /// reserved word); a model without renames keeps exactly the SQL it had, so calling this changes no
    /// existing schema or migration.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="configurationBuilder"/> is null.</exception>
    public static ModelConfigurationBuilder ApplyPlannerConventions(this ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Conventions.Add(services => new PlannerCheckConstraintConvention((ISqlGenerationHelper?)services.GetService(typeof(ISqlGenerationHelper))));
        return configurationBuilder;
    }
}
