using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Planner.Migration.Legacy;
using Planner.Model;
using Planner.Model.Scheduling;

namespace Planner.Migration.Tests.Migrating;

/// <summary>
/// A small stand-in for the real converter (built in its own issue): shape A only, a flat week of
/// template ids from the program's dates, the program's goal_ids, and a test-only <c>block_goal_ids</c>
/// list. Enough for the migrator's own behaviour; the shared examples need the real converter.
/// </summary>
internal static class TestConversions
{
    private static readonly Dictionary<string, IsoDayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = IsoDayOfWeek.Monday, ["tuesday"] = IsoDayOfWeek.Tuesday, ["wednesday"] = IsoDayOfWeek.Wednesday,
        ["thursday"] = IsoDayOfWeek.Thursday, ["friday"] = IsoDayOfWeek.Friday, ["saturday"] = IsoDayOfWeek.Saturday,
        ["sunday"] = IsoDayOfWeek.Sunday,
    };

    public static ProgramConversion Convert(LegacyProgramRow row)
    {
        var diagnostics = new List<LegacyDiagnostic>();
        List<string> programGoals;
        try
        {
            programGoals = row.GoalIds is null ? [] : JsonSerializer.Deserialize<List<string>>(row.GoalIds) ?? [];
        }
        catch (JsonException)
        {
            return Failed(row.Id, DiagnosticCodes.InvalidShape, "goal_ids", "goal_ids is not a JSON list of strings");
        }

        if (string.IsNullOrWhiteSpace(row.WeeklySchedule))
        {
            return new ProgramConversion(row.Id, programGoals, [], [], [], [], diagnostics);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(row.WeeklySchedule);
        }
        catch (JsonException e)
        {
            return Failed(row.Id, DiagnosticCodes.InvalidJson, "$", e.Message);
        }

        using (document)
        {
            var week = new Dictionary<IsoDayOfWeek, IReadOnlyList<PlannedSession>>();
            var blockGoals = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "block_goal_ids")
                {
                    blockGoals.AddRange(property.Value.EnumerateArray().Select(e => e.GetString()!));
                }
                else if (Weekdays.TryGetValue(property.Name, out var weekday))
                {
                    week[weekday] = property.Value.ValueKind == JsonValueKind.Array
                        ? property.Value.EnumerateArray().Select(e => new PlannedSession(e.GetString()!)).ToArray()
                        : [new PlannedSession(property.Value.GetString()!)];
                }
                else
                {
                    diagnostics.Add(new LegacyDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownField, "$." + property.Name, "unknown key"));
                }
            }

            if (week.Count == 0 && blockGoals.Count == 0)
            {
                return new ProgramConversion(row.Id, programGoals, [], [], [], [], diagnostics);
            }

            if (row.StartDate is null || row.EndDate is null)
            {
                return Failed(row.Id, DiagnosticCodes.MissingProgramDates, "$", "shape A needs both program dates");
            }

            var start = LocalDatePattern.Iso.Parse(row.StartDate).Value;
            var end = LocalDatePattern.Iso.Parse(row.EndDate).Value;
            var blockId = DeterministicIds.ForBlock(row.Id, DeterministicIds.PositionKey(0));
            var block = new ProgramBlock { Id = blockId, ProgramId = row.Id, Name = "Main", Position = 0, StartDate = start, EndDate = end };
            var days = ScheduleExpansion.Materialize(blockId, new BlockSchedule(start, end, new WeeklyPattern(week))).ToList();
            var sessions = days.SelectMany(d => d.Sessions).ToList();
            var links = blockGoals.Select(g => new BlockGoal { BlockId = blockId, GoalId = g }).ToList();
            return new ProgramConversion(row.Id, programGoals, [block], days, sessions, links, diagnostics);
        }
    }

    private static ProgramConversion Failed(string id, string code, string path, string message) =>
        new(id, [], [], [], [], [], [new LegacyDiagnostic(DiagnosticSeverity.Error, code, path, message)]);
}

/// <summary>Legacy rows for the tests: shape A weeks over a few months, goals, a few broken ones on request.</summary>
internal static class TestPrograms
{
    public static readonly string[] Templates = ["tpl-easy", "tpl-long", "tpl-intervals", "tpl-core"];

    public static readonly string[] Goals = ["goal-a", "goal-b"];

    public static LegacyProgramRow Program(int index, int days = 91)
    {
        var start = new LocalDate(2024, 1, 1).PlusDays(index % 7);
        var end = start.PlusDays(days - 1);
        return new LegacyProgramRow(
            "p-" + index.ToString("D5", CultureInfo.InvariantCulture),
            "Program " + index.ToString(CultureInfo.InvariantCulture),
            LocalDatePattern.Iso.Format(start),
            LocalDatePattern.Iso.Format(end),
            index % 3 == 0 ? null : "[\"goal-a\"]",
            index % 2 == 0
                ? "{\"monday\": \"tpl-easy\", \"wednesday\": [\"tpl-intervals\", \"tpl-core\"], \"saturday\": \"tpl-long\", \"block_goal_ids\": [\"goal-b\"]}"
                : "{\"tuesday\": \"tpl-easy\", \"sunday\": \"tpl-long\", \"colour\": \"red\"}");
    }

    public static IEnumerable<LegacyProgramRow> Many(int count, int days = 91) => Enumerable.Range(1, count).Select(i => Program(i, days));
}
