// A host application that knows the planner only as the packed Planner.Model package: its own
// DbContext and entity, ApplyPlannerModel(), and the rules the package promises, checked on SQLite.
// eng/host-app-check.sh copies this file into a throwaway project and runs it; exit code 0 = all held.
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model;

var path = Path.Combine(Path.GetTempPath(), $"planner-host-{Guid.NewGuid():N}.db");
var failures = new List<string>();

void Check(bool held, string rule)
{
    Console.WriteLine($"{(held ? "ok  " : "FAIL")} {rule}");
    if (!held)
    {
        failures.Add(rule);
    }
}

CoachingContext Open() => new(new DbContextOptionsBuilder<CoachingContext>().UseSqlite($"Data Source={path};Pooling=false").Options);

async Task<long> CountAsync(string sql, params object[] args)
{
    await using var db = Open();
    return await db.Database.SqlQueryRaw<long>(sql, args).SingleAsync();
}

const string ProgramId = "prog-host";
var monday = new LocalDate(2024, 1, 1);

try
{
    // The schema: the host's table and the planner's, created together.
    await using (var db = Open())
    {
        await db.Database.EnsureCreatedAsync();
    }

    var tables = await CountAsync("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name IN ('coaches', 'programs', 'program_blocks', 'program_days', 'scheduled_sessions', 'block_goals')");
    Check(tables == 6, "EnsureCreated made the host's table and the planner's tables");

    // A program of two blocks, a day for every date, AM/PM sessions on Tuesdays and Thursdays.
    await using (var db = Open())
    {
        var easy = new SessionTemplate { Id = "tpl-easy", Name = "Easy run 45'" };
        var intervals = new SessionTemplate { Id = "tpl-intervals", Name = "Intervals" };
        var program = new TrainingProgram { Id = ProgramId, Name = "Marathon 2024", StartDate = monday, EndDate = monday.PlusDays(27) };
        for (var b = 0; b < 2; b++)
        {
            var block = new ProgramBlock { Id = $"blk-{b}", Position = b, Name = b == 0 ? "Base" : "Peak", StartDate = monday.PlusDays(14 * b), EndDate = monday.PlusDays((14 * b) + 13) };
            for (var date = block.StartDate; date <= block.EndDate; date = date.PlusDays(1))
            {
                var day = new ProgramDay { Id = $"day-{date:yyyyMMdd}", Date = date };
                day.Sessions.Add(new ScheduledSession { Id = $"{day.Id}-0", SessionTemplate = easy, Position = 0, Slot = "am" });
                if (date.DayOfWeek is IsoDayOfWeek.Tuesday or IsoDayOfWeek.Thursday)
                {
                    day.Sessions.Add(new ScheduledSession { Id = $"{day.Id}-1", SessionTemplate = intervals, Position = 1, Slot = "pm" });
                }

                block.Days.Add(day);
            }

            program.Blocks.Add(block);
        }

        db.Add(program);
        db.Coaches.Add(new Coach { Name = "Ada", ProgramId = ProgramId });
        await db.SaveChangesAsync();
    }

    Check(await CountAsync("SELECT COUNT(*) AS \"Value\" FROM program_days") == 28, "a day for each of the 28 dates");
    Check(await CountAsync("SELECT COUNT(*) AS \"Value\" FROM scheduled_sessions") == 28 + 8, "an AM session every day and a PM one on 8 days");

    // A week of days, filtered and ordered by the database.
    await using (var db = Open())
    {
        var week = db.Set<ProgramDay>()
            .Include(d => d.Sessions)
            .Where(d => d.Block!.ProgramId == ProgramId && d.Date >= monday.PlusDays(7) && d.Date < monday.PlusDays(14))
            .OrderBy(d => d.Date);
        var sql = week.ToQueryString();
        var days = await week.ToListAsync();
        Check(days.Select(d => d.Date).SequenceEqual(Enumerable.Range(7, 7).Select(monday.PlusDays)), "the second week's 7 days, in date order");
        Check(sql.Contains("WHERE", StringComparison.Ordinal) && sql.Contains("\"date\" >=", StringComparison.Ordinal) && sql.Contains("ORDER BY \"p\".\"date\"", StringComparison.Ordinal), "the week is filtered and ordered in SQL");
        var tuesday = days.Single(d => d.Date.DayOfWeek == IsoDayOfWeek.Tuesday);
        Check(tuesday.Sessions.OrderBy(s => s.Position).Select(s => s.Slot).SequenceEqual(["am", "pm"]), "Tuesday has its AM and PM sessions");
    }

    // Concurrency: two different days of one program both save; the same day twice does not.
    await using (var alice = Open())
    await using (var bob = Open())
    {
        var alicesDays = await alice.Set<ProgramDay>().Where(d => d.Block!.ProgramId == ProgramId).ToListAsync();
        var bobsDays = await bob.Set<ProgramDay>().Where(d => d.Block!.ProgramId == ProgramId).ToListAsync();
        alicesDays.Single(d => d.Date == monday).Notes = "Alice was here";
        bobsDays.Single(d => d.Date == monday.PlusDays(1)).Readiness = 7;
        await alice.SaveChangesAsync();
        await bob.SaveChangesAsync();
        Check(true, "edits of two different days both saved");

        alicesDays.Single(d => d.Date == monday.PlusDays(2)).Notes = "Alice again";
        bobsDays.Single(d => d.Date == monday.PlusDays(2)).Notes = "Bob too";
        await alice.SaveChangesAsync();
        var conflict = false;
        try
        {
            await bob.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            conflict = true;
        }

        Check(conflict, "the second edit of the same day throws DbUpdateConcurrencyException");
    }

    // Cascades: a template in use cannot go; deleting the program takes its plan with it, in the database.
    await using (var db = Open())
    {
        db.Remove(new SessionTemplate { Id = "tpl-easy" });
        var refused = false;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            refused = true;
        }

        Check(refused, "a template in use cannot be deleted");
    }

    await using (var db = Open())
    {
        db.Remove(new TrainingProgram { Id = ProgramId }); // nothing else loaded: the database must cascade
        await db.SaveChangesAsync();
    }

    var left = await CountAsync("SELECT (SELECT COUNT(*) FROM program_blocks) + (SELECT COUNT(*) FROM program_days) + (SELECT COUNT(*) FROM scheduled_sessions) AS \"Value\"");
    Check(left == 0, "deleting the program removed its blocks, days and sessions");
    Check(await CountAsync("SELECT COUNT(*) AS \"Value\" FROM coaches") == 1, "the host's own rows are untouched");
}
catch (Exception e)
{
    Console.WriteLine($"FAIL {e}");
    failures.Add(e.Message);
}
finally
{
    SqliteConnection.ClearAllPools();
    File.Delete(path);
}

Console.WriteLine(failures.Count == 0 ? "host app: every check held" : $"host app: {failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;

/// <summary>The host's own context: its entity, plus the planner's model.</summary>
internal sealed class CoachingContext(DbContextOptions<CoachingContext> options) : DbContext(options)
{
    public DbSet<Coach> Coaches => Set<Coach>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Coach>().ToTable("coaches");
        modelBuilder.ApplyPlannerModel();
    }
}

/// <summary>An entity of the host's own.</summary>
internal sealed class Coach
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? ProgramId { get; set; }
}
