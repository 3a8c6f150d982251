// The code from the README's first using down to ClubCalendar is its block "A host's context", line for
// line (a test below checks it, as ReadmeTests checks every C# block of the README). Change both together.
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model;

// Your context: your own entities, plus the planner's through one call.
public sealed class ClubContext(DbContextOptions<ClubContext> options) : DbContext(options)
{
    public DbSet<ClubMember> Members => Set<ClubMember>();

    public DbSet<TrainingProgram> Programs => Set<TrainingProgram>();

    public DbSet<ProgramDay> Days => Set<ProgramDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClubMember>().ToTable("members");
        modelBuilder.ApplyPlannerModel(planner => planner.Tables.Days = "training_days");

        // Anything else, after the call, with plain EF Core.
        modelBuilder.Entity<ProgramDay>().Property(d => d.Notes).HasMaxLength(4000);
    }
}

public sealed class ClubMember
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? ProgramId { get; set; }
}

public static class ClubCalendar
{
    // One program's week, filtered and ordered by the database.
    public static Task<List<ProgramDay>> WeekAsync(ClubContext db, string programId, LocalDate monday) =>
        db.Days
            .Where(d => d.Block!.ProgramId == programId && d.Date >= monday && d.Date < monday.PlusDays(7))
            .OrderBy(d => d.Date)
            .ToListAsync();
}

namespace Planner.Model.Tests.Configuration
{
    /// <summary>The README's example compiles (it is this file) and does what the README says.</summary>
    public sealed class ReadmeExampleTests
    {
        [Fact]
        public async Task The_readme_context_creates_its_schema_and_reads_a_week_in_sql()
        {
            await using var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            await using var db = new ClubContext(new DbContextOptionsBuilder<ClubContext>().UseSqlite(connection).Options);
            await db.Database.EnsureCreatedAsync();
            var monday = new LocalDate(2024, 1, 1);
            var block = new ProgramBlock { Id = "blk", Name = "Base", StartDate = monday.PlusDays(-3), EndDate = monday.PlusDays(9) };
            for (var date = block.StartDate; date <= block.EndDate; date = date.PlusDays(1))
            {
                block.Days.Add(new ProgramDay { Id = "day-" + date.ToString("yyyyMMdd", null), Date = date });
            }

            db.Programs.Add(new TrainingProgram { Id = "prog", Name = "Marathon", Blocks = { block } });
            db.Members.Add(new ClubMember { Name = "Ada", ProgramId = "prog" });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();

            var week = await ClubCalendar.WeekAsync(db, "prog", monday);

            Assert.Equal(Enumerable.Range(0, 7).Select(monday.PlusDays), week.Select(d => d.Date));
            Assert.Equal("training_days", db.Model.FindEntityType(typeof(ProgramDay))!.GetTableName());
            Assert.Equal(4000, db.Model.FindEntityType(typeof(ProgramDay))!.FindProperty(nameof(ProgramDay.Notes))!.GetMaxLength());
        }

        [Fact]
        public void The_readme_shows_exactly_this_files_example() =>
            Testing.DocumentedCode.AssertEachCompiledIn(
                [Testing.DocumentedCode.Block("README.md", "A host's context")],
                "tests/Planner.Model.Tests/Configuration/ReadmeExampleTests.cs");
    }
}
