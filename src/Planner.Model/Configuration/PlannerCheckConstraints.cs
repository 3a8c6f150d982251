using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace Planner.Model.Configuration;

/// <summary>
/// The planner's check constraints, written from a template that names properties (<c>{EndDate} &gt;=
/// {StartDate}</c>) rather than columns, so that the SQL names the columns the model maps them to.
/// </summary>
/// <remarks>
/// EF Core keeps a check constraint's SQL as fixed text, and a host may rename a column after
/// <c>ApplyPlannerModel()</c>. So the SQL is written twice: when the configuration adds the check (from
/// the planner's own column names), and again when the model is finalized, by
/// <see cref="PlannerCheckConstraintConvention"/>, from the names the model ends with. A column the host
/// renamed is quoted there (its new name may be mixed case or a reserved word); the others stay as they
/// were, so a model without renames keeps exactly the SQL it always had.
/// </remarks>
internal static partial class PlannerCheckConstraints
{
    // Which checks are the planner's, and their templates: kept beside the model rather than in an
    // annotation, which would end up in hosts' migration snapshots.
    private static readonly ConditionalWeakTable<IReadOnlyCheckConstraint, Template> Templates = new();

    /// <summary>Adds a check constraint to the entity's table, its SQL written from the columns mapped so far.</summary>
    /// <param name="entity">The entity, its table and the template's properties already mapped.</param>
    /// <param name="name">The constraint's name.</param>
    /// <param name="template">The constraint's SQL with <c>{Property}</c> where each column goes.</param>
    public static void Add<TEntity>(EntityTypeBuilder<TEntity> entity, string name, string template)
        where TEntity : class
    {
        var entityType = entity.Metadata;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = Placeholder().Matches(template)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(p => p, p => entityType.FindProperty(p)!.GetColumnName(table)!, StringComparer.Ordinal);
        entity.ToTable(t => Templates.AddOrUpdate(t.HasCheckConstraint(name, Write(template, p => columns[p])).Metadata, new Template(template, columns)));
    }

    /// <summary>
    /// Writes a planner check constraint again from the columns its properties are mapped to now, when a
    /// host renamed one of them; leaves it alone otherwise, and leaves alone checks that are not the planner's.
    /// </summary>
    /// <param name="entityType">The entity type that declares the check.</param>
    /// <param name="check">The check constraint.</param>
    /// <param name="sql">The provider's identifier quoting; <see langword="null"/> (no relational provider) for standard double quotes.</param>
    public static void Follow(IConventionEntityType entityType, IConventionCheckConstraint check, ISqlGenerationHelper? sql)
    {
        if (!Templates.TryGetValue(check, out var template) || entityType.GetTableName() is not { } tableName)
        {
            return;
        }

        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (property, planned) in template.Columns)
        {
            // A property the host unmapped or moved to another table: the check is the host's to change.
            if (entityType.FindProperty(property)?.GetColumnName(table) is not { } column)
            {
                return;
            }

            columns[property] = column == planned ? column : sql?.DelimitIdentifier(column) ?? $"\"{column.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        }

        var text = Write(template.Text, p => columns[p]);
        if (text == check.Sql)
        {
            return;
        }

        // EF Core cannot change a check's SQL in place: it is replaced under the same model name, with the
        // database name and annotations the host may have given it.
        var name = check.GetNameConfigurationSource() is null ? null : check.Name;
        var annotations = check.GetAnnotations().Select(a => (a.Name, a.Value)).ToList();
        entityType.RemoveCheckConstraint(check.ModelName);
        var replaced = entityType.AddCheckConstraint(check.ModelName, text)!;
        if (name is not null)
        {
            replaced.SetName(name);
        }

        foreach (var (annotation, value) in annotations)
        {
            replaced.SetAnnotation(annotation, value);
        }

        Templates.AddOrUpdate(replaced, template);
    }

    private static string Write(string template, Func<string, string> column) =>
        Placeholder().Replace(template, m => column(m.Groups[1].Value));

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>A check's template and the columns its properties had when the planner added it.</summary>
    private sealed record Template(string Text, IReadOnlyDictionary<string, string> Columns);
}
