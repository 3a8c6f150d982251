using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Tests.Infrastructure;

namespace Planner.Model.Tests.Configuration;

/// <summary>Every entity written and read back, on each real database.</summary>
public abstract class RoundTripTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    [SkippableFact]
    public async Task A_program_with_blocks_days_and_sessions_round_trips()
    {
        Database.SkipIfUnavailable();
        var suffix = Guid.NewGuid().ToString("N");

        await using (var context = Database.CreateContext())
        {
            context.SessionTemplates.Add(new SessionTemplate { Id = "tpl-easy-" + suffix, Name = "Easy run 45'" });
            context.Programs.Add(new TrainingProgram
            {
                Id = "prog-" + suffix,
                Name = "Marathon 2024",
                StartDate = new LocalDate(2024, 1, 1),
                Blocks =
                {
                    new ProgramBlock
                    {
                        Id = "blk-" + suffix,
                        Name = "Base Builder",
                        StartDate = new LocalDate(2024, 1, 1),
                        EndDate = new LocalDate(2024, 2, 25),
                        Days =
                        {
                            new ProgramDay
                            {
                                Id = "day-" + suffix,
                                Date = new LocalDate(2024, 1, 7),
                                Readiness = 6,
                                Sessions =
                                {
                                    new ScheduledSession { Id = "s0-" + suffix, SessionTemplateId = "tpl-easy-" + suffix, Position = 0, Slot = "am" },
                                    new ScheduledSession { Id = "s1-" + suffix, SessionTemplateId = "tpl-easy-" + suffix, Position = 1, Slot = "pm", IsCompleted = true, CompletionData = "{\"rpe\":7}" },
                                },
                            },
                        },
                    },
                },
            });
            await context.SaveChangesAsync();
        }

        await using (var context = Database.CreateContext())
        {
            var program = await context.Programs
                .Include(p => p.Blocks).ThenInclude(b => b.Days).ThenInclude(d => d.Sessions)
                .SingleAsync(p => p.Id == "prog-" + suffix);
            var day = program.Blocks.Single().Days.Single();
            Assert.Equal(new LocalDate(2024, 1, 7), day.Date);
            Assert.Equal(6, day.Readiness);
            Assert.Equal(new[] { "am", "pm" }, day.Sessions.OrderBy(s => s.Position).Select(s => s.Slot));
            Assert.Equal(7m, day.Sessions.Single(s => s.IsCompleted).GetCompletion()!.Rpe);
        }
    }
}

public sealed class SqliteRoundTripTests(SqliteDatabase database)
    : RoundTripTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresRoundTripTests(PostgresDatabase database)
    : RoundTripTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
