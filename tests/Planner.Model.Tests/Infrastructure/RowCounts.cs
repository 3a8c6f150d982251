using Microsoft.EntityFrameworkCore;

namespace Planner.Model.Tests.Infrastructure;

/// <summary>Counts rows with plain SQL, so that nothing EF Core tracks or caches can answer instead of the database.</summary>
public static class RowCounts
{
    /// <summary>The number of rows of <paramref name="table"/> whose <paramref name="column"/> is one of <paramref name="values"/>.</summary>
    public static async Task<int> CountAsync(this DbContext context, string table, string column, params string[] values)
    {
        var placeholders = string.Join(", ", values.Select((_, i) => "{" + i + "}"));
#pragma warning disable EF1002 // table and column names come from the tests themselves, values are parameters
        return await context.Database
            .SqlQueryRaw<int>($"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM \"{table}\" WHERE \"{column}\" IN ({placeholders})", values.Cast<object>().ToArray())
            .SingleAsync();
#pragma warning restore EF1002
    }
}
