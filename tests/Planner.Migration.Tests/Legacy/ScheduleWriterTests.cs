using System.Globalization;
using CsCheck;
using NodaTime;
using Planner.Demo;
using Planner.Migration.Legacy;
using Planner.Model;
using Planner.Model.Scheduling;
using Planner.Testing.Legacy;

namespace Planner.Migration.Tests.Legacy;

/// <summary>The reverse writer: entities to a shape B document that converts back to the same entities.</summary>
public sealed class ScheduleWriterTests
{
    private const string ProgramId = "prog-rt";

    internal sealed record SessionSpec(string Template, string? Slot, string? Notes, bool Completed, string? Completion);

    internal sealed record DaySpec(string? Name, string? Notes, int Readiness, SessionSpec[] Sessions);

    internal sealed record BlockSpec(int IdKind, string Name, int Gap, string? Color, string[] Goals, DaySpec[] Days);

    private static readonly Gen<string?> GenText = Gen.OneOf<string?>(null, null, "am", "x \"y\" \\ \u00e9\n", "");

    private static readonly Gen<SessionSpec> GenSession =
        from template in Gen.OneOf("tpl-a", "tpl-b", "tpl c")
        from slot in GenText
        from notes in GenText
        from completed in Gen.Bool
        from completion in Gen.OneOf<string?>(null, "{\"rpe\":7}", "{ \"rpe\" : 7, \"x\": [1, 2.50] }")
        select new SessionSpec(template, slot, notes, completed, completion);

    private static readonly Gen<DaySpec> GenDay =
        from name in Gen.OneOf<string?>(null, null, null, "Long Run Day")
        from notes in Gen.OneOf<string?>(null, null, "n", "")
        from readiness in Gen.Int[0, 10]
        from sessions in Gen.Frequency((3, Gen.Const(Array.Empty<SessionSpec>())), (2, GenSession.Array[1, 3]))
        select new DaySpec(name, notes, readiness, sessions);

    private static readonly Gen<BlockSpec> GenBlock =
        from idKind in Gen.Int[0, 2]
        from name in Gen.OneOf("Base", "Peak \u2713")
        from gap in Gen.Int[-2, 3]
        from color in Gen.OneOf<string?>(null, "#4caf50")
        from goals in Gen.OneOf("g-1", "g-2").Array[0, 2]
        from days in GenDay.Array[1, 30]
        select new BlockSpec(idKind, name, gap, color, goals, days);

    [Fact]
    public void Random_entities_round_trip_through_the_writer()
    {
        GenBlock.Array[0, 4].Sample(specs =>
        {
            var (blocks, days, sessions, goals) = Build(specs);

            var text = LegacyScheduleWriter.Write(blocks, days, sessions, goals);
            var conversion = new LegacyConverter().Convert(new LegacyProgramRow(ProgramId, "P", null, null, null, text));

            Assert.DoesNotContain(conversion.Diagnostics, d => d.Code is not (DiagnosticCodes.DuplicateBlockId or DiagnosticCodes.BlockOverlap));
            AssertSame(blocks, days, sessions, goals, conversion);
        }, iter: 200);
    }

    [Fact]
    public void Generated_programs_convert_write_and_convert_to_the_same_entities()
    {
        var generator = new LegacyProgramGenerator(7);
        var count = 0;
        foreach (var generated in generator.GenerateCases(300, new LegacyGeneratorOptions { WarningShare = 0.2 }))
        {
            var first = new LegacyConverter().Convert(generated.Row);
            Assert.False(first.HasErrors, generated.Row.Id);
            var written = LegacyScheduleWriter.Write(first);
            var again = new LegacyConverter().Convert(generated.Row with { WeeklySchedule = written });
            Assert.False(again.HasErrors, generated.Row.Id);
            AssertSame(first.Blocks, first.Days, first.Sessions, first.BlockGoals, again);
            count++;
        }

        Assert.Equal(300, count);
    }

    [Fact]
    public void The_written_document_is_shape_B_version_2_that_old_readers_know()
    {
        var conversion = new LegacyConverter().Convert(LegacyExamples.Row("season-blocks.json"));

        var text = LegacyScheduleWriter.Write(conversion);

        using var document = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal(2, document.RootElement.GetProperty("version").GetInt32());
        var blocks = document.RootElement.GetProperty("blocks");
        Assert.Equal(3, blocks.GetArrayLength());
        Assert.Equal("blk-foundation", blocks[0].GetProperty("id").GetString());
        Assert.False(blocks[2].TryGetProperty("id", out _)); // the taper block has no id
        Assert.Equal("tpl-bike-endurance-90", blocks[0].GetProperty("days").GetProperty("2025-03-09").GetProperty("sessions")[0].GetProperty("template_id").GetString());
        Assert.Equal("[\"goal-sprint-tri\"]", LegacyScheduleWriter.WriteGoalIds(conversion.ProgramGoalIds));
    }

    [Fact]
    public void Rows_that_cannot_be_written_faithfully_are_refused()
    {
        var block = new ProgramBlock { Id = "b", Name = "B", StartDate = new LocalDate(2024, 1, 1), EndDate = new LocalDate(2024, 1, 2) };
        var badReadiness = new ProgramDay { Id = "d", BlockId = "b", Date = new LocalDate(2024, 1, 1), Readiness = 11 };
        var orphan = new ProgramDay { Id = "d", BlockId = "other", Date = new LocalDate(2024, 1, 1) };
        var day = new ProgramDay { Id = "d", BlockId = "b", Date = new LocalDate(2024, 1, 1) };
        var badCompletion = new ScheduledSession { Id = "s", DayId = "d", SessionTemplateId = "t", CompletionData = "[1]" };

        Assert.Throws<ArgumentException>(() => LegacyScheduleWriter.Write([block], [badReadiness], [], []));
        Assert.Throws<ArgumentException>(() => LegacyScheduleWriter.Write([block], [orphan], [], []));
        Assert.Throws<ArgumentException>(() => LegacyScheduleWriter.Write([block], [day], [badCompletion], []));
    }

    [Fact]
    public void A_blocks_goal_links_in_any_order_give_the_same_text()
    {
        var block = new ProgramBlock { Id = "b", Name = "Base", StartDate = new LocalDate(2024, 1, 1), EndDate = new LocalDate(2024, 1, 7) };
        BlockGoal Link(string goal) => new() { BlockId = "b", GoalId = goal };

        var one = LegacyScheduleWriter.Write([block], [], [], [Link("goal-z"), Link("goal-a"), Link("goal-m")]);
        var other = LegacyScheduleWriter.Write([block], [], [], [Link("goal-m"), Link("goal-z"), Link("goal-a")]);

        Assert.Equal(one, other);
        Assert.Contains("\"goal_ids\":[\"goal-a\",\"goal-m\",\"goal-z\"]", one, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_kept_outside_their_block_are_written_as_blocks_of_their_own_after_the_others()
    {
        // What a shift leaves: a block moved to 10..20 January, logged work kept on the 2nd and the 25th,
        // and a plain day on the 3rd (nothing to show).
        var moved = new ProgramBlock { Id = DeterministicIds.ForBlock("p", "blk"), LegacyId = "blk", Name = "Base", StartDate = new LocalDate(2024, 1, 10), EndDate = new LocalDate(2024, 1, 20) };
        var next = new ProgramBlock { Id = DeterministicIds.ForBlock("p", DeterministicIds.PositionKey(1)), Name = "Peak", Position = 1, StartDate = new LocalDate(2024, 1, 21), EndDate = new LocalDate(2024, 1, 31) };
        var before = new ProgramDay { Id = "d-before", BlockId = moved.Id, Date = new LocalDate(2024, 1, 2), Readiness = 6 };
        var plain = new ProgramDay { Id = "d-plain", BlockId = moved.Id, Date = new LocalDate(2024, 1, 3) };
        var after = new ProgramDay { Id = "d-after", BlockId = moved.Id, Date = new LocalDate(2024, 1, 25) };
        var inside = new ProgramDay { Id = "d-inside", BlockId = moved.Id, Date = new LocalDate(2024, 1, 12), Notes = "planned" };
        var done = new ScheduledSession { Id = "s-done", DayId = after.Id, SessionTemplateId = "tpl-long", IsCompleted = true, CompletionData = "{\"rpe\":8}" };

        var text = LegacyScheduleWriter.Write([moved, next], [after, inside, plain, before], [done], []); // in no order, as EF gives rows
        var again = new LegacyConverter().Convert(new LegacyProgramRow("p", "P", null, null, null, text));

        Assert.DoesNotContain(again.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(
            [("Base", "2024-01-10", "2024-01-20"), ("Peak", "2024-01-21", "2024-01-31"),
             ("Base " + LegacyScheduleWriter.KeptBlockSuffix, "2024-01-02", "2024-01-02"), ("Base " + LegacyScheduleWriter.KeptBlockSuffix, "2024-01-25", "2024-01-25")],
            again.Blocks.Select(b => (b.Name, LegacyDates.Format(b.StartDate), LegacyDates.Format(b.EndDate))));
        Assert.Equal([moved.Id, next.Id], again.Blocks.Take(2).Select(b => b.Id));
        Assert.Equal(6, again.Days.Single(d => d.Date == before.Date).Readiness);
        var session = Assert.Single(again.Sessions, s => s.IsCompleted);
        Assert.Equal((after.Date, "tpl-long", "{\"rpe\":8}"), (again.Days.Single(d => d.Id == session.DayId).Date, session.SessionTemplateId, session.CompletionData));
        Assert.DoesNotContain(again.Days, d => d.Date == plain.Date);
    }

    private static (List<ProgramBlock>, List<ProgramDay>, List<ScheduledSession>, List<BlockGoal>) Build(BlockSpec[] specs)
    {
        var blocks = new List<ProgramBlock>();
        var days = new List<ProgramDay>();
        var sessions = new List<ScheduledSession>();
        var goals = new List<BlockGoal>();
        var usedLegacyIds = new HashSet<string>();
        var start = new LocalDate(2024, 1, 1);
        for (var position = 0; position < specs.Length; position++)
        {
            var spec = specs[position];
            var legacyId = spec.IdKind switch { 0 => null, 1 => "blk-" + position.ToString(CultureInfo.InvariantCulture), _ => "dup" };
            var key = legacyId is not null && usedLegacyIds.Add(legacyId) ? legacyId : DeterministicIds.PositionKey(position);
            var blockId = DeterministicIds.ForBlock(ProgramId, key);
            start = start.PlusDays(spec.Gap);
            var end = start.PlusDays(spec.Days.Length - 1);
            blocks.Add(new ProgramBlock { Id = blockId, ProgramId = ProgramId, LegacyId = legacyId, Position = position, Name = spec.Name, StartDate = start, EndDate = end, Color = spec.Color });
            foreach (var goal in spec.Goals.Distinct())
            {
                goals.Add(new BlockGoal { BlockId = blockId, GoalId = goal });
            }

            for (var offset = 0; offset < spec.Days.Length; offset++)
            {
                var d = spec.Days[offset];
                var date = start.PlusDays(offset);
                var dayId = DeterministicIds.ForDay(blockId, date);
                days.Add(new ProgramDay { Id = dayId, BlockId = blockId, Date = date, Name = d.Name, Notes = d.Notes, Readiness = d.Readiness == 0 ? null : d.Readiness });
                for (var p = 0; p < d.Sessions.Length; p++)
                {
                    var s = d.Sessions[p];
                    sessions.Add(new ScheduledSession { Id = DeterministicIds.ForSession(dayId, p), DayId = dayId, SessionTemplateId = s.Template, Position = p, Slot = s.Slot, Notes = s.Notes, IsCompleted = s.Completed, CompletionData = s.Completion });
                }
            }

            start = end.PlusDays(1);
        }

        return (blocks, days, sessions, goals);
    }

    private static void AssertSame(IReadOnlyList<ProgramBlock> blocks, IReadOnlyList<ProgramDay> days, IReadOnlyList<ScheduledSession> sessions, IReadOnlyList<BlockGoal> goals, ProgramConversion conversion)
    {
        Assert.Equal(
            blocks.Select(b => (b.Id, b.ProgramId, b.LegacyId, b.Position, b.Name, b.StartDate, b.EndDate, b.Color)),
            conversion.Blocks.Select(b => (b.Id, b.ProgramId, b.LegacyId, b.Position, b.Name, b.StartDate, b.EndDate, b.Color)));
        Assert.Equal(goals.Select(g => (g.BlockId, g.GoalId)).Order(), conversion.BlockGoals.Select(g => (g.BlockId, g.GoalId)).Order()); // links: a set
        Assert.Equal(
            days.Select(d => (d.Id, d.BlockId, d.Date, d.Name, d.Notes, d.Readiness)),
            conversion.Days.Select(d => (d.Id, d.BlockId, d.Date, d.Name, d.Notes, d.Readiness)));
        Assert.Equal(
            sessions.Select(s => (s.Id, s.DayId, s.SessionTemplateId, s.Position, s.Slot, s.Notes, s.IsCompleted, s.CompletionData)),
            conversion.Sessions.Select(s => (s.Id, s.DayId, s.SessionTemplateId, s.Position, s.Slot, s.Notes, s.IsCompleted, s.CompletionData)));
    }
}
