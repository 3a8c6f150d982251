using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Planner.Migration.Legacy;
using Planner.Model;
using Planner.Model.Planning;
using Planner.Model.Tests.Infrastructure;

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

    [SkippableFact]
    public async Task A_planning_write_rewrites_the_legacy_column_from_the_rows()
    {
        database.SkipIfUnavailable();
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

        var wednesday = conversion.Days.Single(d => d.Date == new LocalDate(2024, 1, 3));
        await using (var context = database.CreateContext())
        {
            var planning = new PlanningService(context, new FakeClock(Instant.FromUtc(2024, 1, 3, 12, 0)), new PlanningOptions { LegacyScheduleWriter = LegacyDualWriter.Instance });
            await planning.UpdateDayAsync(wednesday.Id, new DayDetails("Hills", "felt strong", 8));
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
}

public sealed class SqliteDualWriteTests(SqliteDatabase database)
    : DualWriteTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresDualWriteTests(PostgresDatabase database)
    : DualWriteTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
