using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Planner.Model.Configuration;

/// <summary>
/// When the model is finalized, after everything the host's <c>OnModelCreating</c> did, writes the
/// planner's check constraints again with the column names the model ends with (see
/// <see cref="PlannerCheckConstraints"/>).
/// </summary>
/// <param name="sql">The provider's identifier quoting, or <see langword="null"/> without a relational provider.</param>
internal sealed class PlannerCheckConstraintConvention(ISqlGenerationHelper? sql) : IModelFinalizingConvention
{
    /// <inheritdoc />
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            foreach (var check in entityType.GetDeclaredCheckConstraints().ToList())
            {
                PlannerCheckConstraints.Follow(entityType, check, sql);
            }
        }
    }
}
