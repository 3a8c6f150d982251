using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Planner.Model.Tests.Infrastructure;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// The SQL of the planner's check constraints, read from the model: the planner's own text without
/// renames (with or without its conventions, so no host's schema or migration changes), and the
/// renamed columns, quoted, with them.
/// </summary>
public sealed class CheckConstraintSqlTests
{
    private static readonly string[] PlannerSql =
    [
        "end_date >= start_date",
        "readiness IS NULL OR (readiness >= 1 AND readiness <= 10)",
        "position >= 0",
    ];

    [Fact]
    public void Without_renames_the_checks_keep_the_planners_sql_with_or_without_its_conventions()
    {
        using var ready = new PlannerDbContext(new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var host = new HostContext(new DbContextOptionsBuilder<HostContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.Equal(PlannerSql, ChecksOf(ready));
        Assert.Equal(PlannerSql, ChecksOf(host));
    }

    [Fact]
    public void Renamed_columns_are_quoted_as_each_provider_quotes_them()
    {
        using var sqlite = new RenamedColumnsHostContext(new DbContextOptionsBuilder<RenamedColumnsHostContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new RenamedColumnsHostContext(new DbContextOptionsBuilder<RenamedColumnsHostContext>().UseNpgsql("Host=localhost").Options);
        using var sqlServer = new RenamedColumnsPlannerContext(new DbContextOptionsBuilder<RenamedColumnsPlannerContext>().UseSqlServer("Server=localhost").Options);

        Assert.Equal(
            ["\"ends_on\" >= \"starts_on\"", "\"Readiness\" IS NULL OR (\"Readiness\" >= 1 AND \"Readiness\" <= 10)", "\"order\" >= 0"],
            ChecksOf(sqlite));
        Assert.Equal( // Npgsql quotes only the names that need it.
            ["ends_on >= starts_on", "\"Readiness\" IS NULL OR (\"Readiness\" >= 1 AND \"Readiness\" <= 10)", "\"order\" >= 0"],
            ChecksOf(postgres));
        Assert.Equal(
            ["[ends_on] >= [starts_on]", "[Readiness] IS NULL OR ([Readiness] >= 1 AND [Readiness] <= 10)", "[order] >= 0"],
            ChecksOf(sqlServer));
    }

    [Fact]
    public void A_check_the_host_renamed_keeps_its_name()
    {
        using var context = new RenamedCheckContext(new DbContextOptionsBuilder<RenamedCheckContext>().UseSqlite("Data Source=:memory:").Options);

        var check = Assert.Single(DesignTimeModel(context).FindEntityType(typeof(ProgramDay))!.GetCheckConstraints());
        Assert.Equal(("ck_days_readiness_range", "\"score\" IS NULL OR (\"score\" >= 1 AND \"score\" <= 10)"), (check.Name, check.Sql));
    }

    private static IModel DesignTimeModel(DbContext context) => context.GetService<IDesignTimeModel>().Model;

    private static string[] ChecksOf(DbContext context)
    {
        var model = DesignTimeModel(context);
        return [.. new[] { typeof(ProgramBlock), typeof(ProgramDay), typeof(ScheduledSession) }
            .Select(type => Assert.Single(model.FindEntityType(type)!.GetCheckConstraints()).Sql)];
    }

    /// <summary>A context that gives the readiness check a name of its own and renames its column.</summary>
    private sealed class RenamedCheckContext(DbContextOptions<RenamedCheckContext> options) : PlannerDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            base.OnModelCreating(modelBuilder);
            modelBuilder.Entity<ProgramDay>().ToTable(t => t.HasCheckConstraint("ck_program_days_readiness", PlannerSql[1]).HasName("ck_days_readiness_range"));
            modelBuilder.Entity<ProgramDay>().Property(d => d.Readiness).HasColumnName("score");
        }
    }
}
