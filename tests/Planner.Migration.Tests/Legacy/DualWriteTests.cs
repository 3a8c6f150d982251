using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Planner.Migration.Legacy;
using Planner.Model;
using Planner.Model.Planning;
using Planner.Testing.Databases;

namespace Planner.Migration.Tests.Legacy;

/// <summary>
/// Dual writes through the real reverse writer: after a planning write, the legacy column holds what
/// the writer gives for the rows, and converting it again gives the rows back.
/// </summary>
public abstract class DualWriteTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private const string Schedule = """
        {"version": 2, "blocks": [
          {"id": "blk-base", "name": "Base", "start_date": "2024-01-01", "end_date": "2024-01-14",
           "goal_ids": ["goal-aerobic"],
           "weekly": {"mon": "tpl-easy", "wed": ["tpl-easy", {"template_id": "tpl-core", "slot": "pm"}]},
           "days": {"2024-01-07": {"notes": "windy", "sessions": [{"template_id": "tpl-easy", "completed": true, "completion_data": {"rpe": 7}}]}}},
          {"name": "Peak", "start_date": "2024-01-15", "end_date": "2024-01-21", "weekly": [{"sat": "tpl-core"}, {}]}
        ]}
        """;

    [Fact]
    public async Task A_planning_write_rewrites_the_legacy_column_from_the_rows()
    {
        database.SkipIfUnavailable();
        var (programId, row, conversion) = await SeedAsync();

        var wednesday = conversion.Days.Single(d => d.Date == new LocalDate(2024, 1, 3));

        await using (var context = database.CreateContext())
        {
            var planning = new PlanningService(context, new FakeClock(Instant.FromUtc(2024, 1, 3, 12, 0)), new PlanningOptions { LegacyScheduleWriter = LegacyDualWriter.Instance });
            await planning.UpdateDayAsync(wednesday.Id, new DayEdit { Name = "Hills", Notes = "felt strong", Readiness = 8 }, Expect.Any);
        }

        await using (var context = database.CreateContext())
        {
            var program = await context.Programs.AsNoTracking()
                .Include(p => p.Blocks).ThenInclude(b => b.Days).ThenInclude(d => d.Sessions)
                .Include(p => p.Blocks).ThenInclude(b => b.GoalLinks)
                .SingleAsync(p => p.Id == programId);
            Assert.Equal(LegacyDualWriter.Instance.Write(program), program.LegacyWeeklySchedule);

            // The column says what the rows say: converting it again gives the same rows, edit included.
            var again = new LegacyConverter().Convert(row with { WeeklySchedule = program.LegacyWeeklySchedule });
            Assert.False(again.HasErrors, string.Join("; ", again.Diagnostics));
            var rows = program.Blocks.SelectMany(b => b.Days).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
            Assert.Equal(
                rows.Select(d => (d.Id, d.Date, d.Name, d.Notes, d.Readiness)),
                again.Days.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => (d.Id, d.Date, d.Name, d.Notes, d.Readiness)));
            Assert.Equal(
                rows.SelectMany(d => d.Sessions).OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => (s.Id, s.SessionTemplateId, s.Position, s.Slot, s.IsCompleted)),
                again.Sessions.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => (s.Id, s.SessionTemplateId, s.Position, s.Slot, s.IsCompleted)));
            Assert.Contains(again.Days, d => d.Name == "Hills" && d.Readiness == 8);
        }
    }

    private async Task<(string ProgramId, LegacyProgramRow Row, ProgramConversion Conversion)> SeedAsync()
    {
        var programId = "dual-" + Guid.NewGuid().ToString("N");
        var row = new LegacyProgramRow(programId, "Dual", "2024-01-01", "2024-01-21", "[\"goal-aerobic\"]", Schedule);
        var conversion = new LegacyConverter().Convert(row);
        Assert.False(conversion.HasErrors, string.Join("; ", conversion.Diagnostics));
        await using (var context = database.CreateContext())
        {
            foreach (var id in new[] { "tpl-easy", "tpl-core" })
            {
                if (await context.SessionTemplates.FindAsync(id) is null)
                {
                    context.SessionTemplates.Add(new SessionTemplate { Id = id, Name = id });
                }
            }

            if (await context.Goals.FindAsync("goal-aerobic") is null)
            {
                context.Goals.Add(new Goal { Id = "goal-aerobic", Name = "Aerobic base" });
            }

            context.Programs.Add(new TrainingProgram
            {
                Id = programId,
                Name = row.Name,
                StartDate = new LocalDate(2024, 1, 1),
                EndDate = new LocalDate(2024, 1, 21),
                LegacyWeeklySchedule = row.WeeklySchedule,
                Blocks = conversion.Blocks.ToList(),
            });
            await context.SaveChangesAsync();
        }
        return (programId, row, conversion);
    }

    private static PlanningService Planning(DbContext context) =>
        new(context, new FakeClock(Instant.FromUtc(2024, 1, 3, 12, 0)), new PlanningOptions { LegacyScheduleWriter = LegacyDualWriter.Instance });

    private async Task<TrainingProgram> ReadProgramAsync(string programId)
    {
        await using var context = database.CreateContext();
        return await context.Programs.AsNoTracking()
            .Include(p => p.Blocks).ThenInclude(b => b.Days).ThenInclude(d => d.Sessions)
            .Include(p => p.Blocks).ThenInclude(b => b.GoalLinks)
            .SingleAsync(p => p.Id == programId);
    }

    [Fact]
    public async Task Logged_work_a_shift_keeps_outside_the_block_is_written_back_as_a_block_of_its_own()
    {
        database.SkipIfUnavailable();
        var (programId, row, conversion) = await SeedAsync();
        var baseBlock = conversion.Blocks.Single(b => b.Name == "Base");
        var monday = conversion.Sessions.Single(s => s.DayId == conversion.Days.Single(d => d.Date == new LocalDate(2024, 1, 1)).Id);
        await using (var context = database.CreateContext())
        {
            await Planning(context).CompleteSessionAsync(monday.Id, new SessionCompletion { Rpe = 5 }, Expect.Any);
        }

        // Base moves two weeks earlier (a week later would overlap Peak, which every write refuses); the work
        // done on 1 and 7 January stays on its dates, after the block.
        await using (var context = database.CreateContext())
        {
            await Planning(context).ShiftBlockAsync(baseBlock.Id, -14);
        }

        var program = await ReadProgramAsync(programId);
        Assert.Equal(LegacyDualWriter.Instance.Write(program), program.LegacyWeeklySchedule);
        var again = new LegacyConverter().Convert(row with { WeeklySchedule = program.LegacyWeeklySchedule });
        Assert.DoesNotContain(again.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        var kept = again.Blocks.Single(b => b.Name == "Base " + LegacyScheduleWriter.KeptBlockSuffix);
        Assert.Equal((new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 7)), (kept.StartDate, kept.EndDate));
        Assert.Equal(2, kept.Position); // after Base and Peak, whose ids (derived from positions) stay
        Assert.Equal(program.Blocks.Select(b => b.Id).Order(StringComparer.Ordinal), again.Blocks.Where(b => b != kept).Select(b => b.Id).Order(StringComparer.Ordinal));

        // Every session of the rows is in the column on its date, done or not as in the rows.
        var rowDays = program.Blocks.SelectMany(b => b.Days).ToDictionary(d => d.Id);
        var columnDays = again.Days.ToDictionary(d => d.Id);
        Assert.Equal(
            program.Blocks.SelectMany(b => b.Days).SelectMany(d => d.Sessions).Select(s => (rowDays[s.DayId].Date, s.SessionTemplateId, s.IsCompleted)).Order(),
            again.Sessions.Select(s => (columnDays[s.DayId].Date, s.SessionTemplateId, s.IsCompleted)).Order());
        Assert.Equal(2, again.Sessions.Count(s => s.IsCompleted && columnDays[s.DayId].BlockId == kept.Id));

        // And the program can still be edited with dual writes on.
        await using (var context = database.CreateContext())
        {
            var day = program.Blocks.Single(b => b.Id == baseBlock.Id).Days.Single(d => d.Date == new LocalDate(2023, 12, 27));
            await Planning(context).UpdateDayAsync(day.Id, new DayEdit { Name = "Hills", Notes = null, Readiness = null }, Expect.Any);
        }

        Assert.Contains("Hills", (await ReadProgramAsync(programId)).LegacyWeeklySchedule, StringComparison.Ordinal);
    }
}

public sealed class SqliteDualWriteTests(SqliteDatabase database)
    : DualWriteTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresDualWriteTests(PostgresDatabase database)
    : DualWriteTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
