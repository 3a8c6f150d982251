// The code between the two markers is the README's "Plug it into your DbContext" example, character
// for character: a test below compares them. Change both together.
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
// README example: begin
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
// README example: end

namespace Planner.Model.Tests.Configuration
{
    /// <summary>The README's example compiles (it is this file) and does what the README says.</summary>
    public sealed class ReadmeExampleTests
    {
        private const string Begin = "// README example: begin\n";
        private const string End = "// README example: end\n";

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
        public void The_readme_shows_exactly_this_files_example()
        {
            var root = RepositoryRoot();
            var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
            var source = File.ReadAllText(Path.Combine(root, "tests", "Planner.Model.Tests", "Configuration", "ReadmeExampleTests.cs")).ReplaceLineEndings("\n");

            var section = Regex.Match(readme, @"## Plug it into your DbContext\n[\s\S]*?```csharp\n(?<code>[\s\S]*?)```");
            Assert.True(section.Success, "README.md has no 'Plug it into your DbContext' section with a csharp block.");
            var start = source.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
            Assert.Equal(source[start..source.IndexOf(End, StringComparison.Ordinal)], section.Groups["code"].Value);
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Planner.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Planner.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
