using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Planner.Migration.Legacy;

namespace Planner.Cli;

/// <summary>A named row of <c>session_templates</c> or <c>goals</c>.</summary>
internal sealed record NamedRow(string Id, string Name);

/// <summary>The legacy data the demo (and the migration's tests and benchmarks) start from.</summary>
internal sealed record LegacyCorpus(IReadOnlyList<NamedRow> Templates, IReadOnlyList<NamedRow> Goals, IEnumerable<LegacyProgramRow> Programs);

/// <summary>
/// The demo's legacy programs: every shape of <c>legacy/FORMAT.md</c>, a few of them broken, the same
/// rows on every run.
/// </summary>
/// <remarks>
/// <see cref="Generate"/> is the one seam to the converter issue's own generator
/// (<c>LegacyProgramGenerator</c>): until it lands, the small generator below stands in for it.
/// </remarks>
internal static class DemoCorpus
{
    private static readonly string[] TemplateIds = ["tpl-easy-45", "tpl-long", "tpl-intervals", "tpl-core", "tpl-tempo", "tpl-recovery", "tpl-strides"];
    private static readonly string[] GoalIds = ["goal-sub-330", "goal-aerobic", "goal-5k-pb", "goal-strength"];
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] ShortWeekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>The corpus: <paramref name="programs"/> programs, deterministic for a given <paramref name="seed"/>.</summary>
    public static LegacyCorpus Generate(int programs, int seed = 2024) => new(
        TemplateIds.Select(id => new NamedRow(id, "Template " + id[4..])).ToArray(),
        GoalIds.Select(id => new NamedRow(id, "Goal " + id[5..])).ToArray(),
        Enumerable.Range(0, programs).Select(i => Program(i, seed)));

    private static LegacyProgramRow Program(int index, int seed)
    {
        var random = new Random(HashCode.Combine(seed, index) & int.MaxValue);
        var id = index % 5 == 0 ? $"prog-{index:D4}" : new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()).ToString();
        var start = new LocalDate(2023, 1, 2).PlusDays(random.Next(400));
        var length = 28 + random.Next(200);
        var end = start.PlusDays(length - 1);
        var goals = random.Next(3) == 0 ? null : new JsonArray(GoalIds[random.Next(GoalIds.Length)]).ToJsonString();
        string? schedule = (index % 20) switch
        {
            6 or 7 or 8 => FlatWeek(random, Weekdays).ToJsonString(),
            9 or 10 => Blocks(random, "phases", start, end, rotate: true).ToJsonString(),
            11 => Blocks(random, "training_blocks", start, end, digits: true).ToJsonString(),
            12 => Quirky(random, start, end).ToJsonString(),
            13 => (index / 20 % 3) switch { 0 => null, 1 => string.Empty, _ => "{}" },
            14 => Overlapping(random, start, end).ToJsonString(),
            18 => Broken(random, index / 20, start, end, ref goals),
            _ => Blocks(random, "blocks", start, end).ToJsonString(),
        };
        var noDates = index % 20 == 18 && index / 20 % 10 == 1;
        return new LegacyProgramRow(
            id,
            $"Program {index}",
            noDates ? null : Iso(start),
            noDates ? null : Iso(end),
            goals,
            schedule);
    }

    private static JsonObject FlatWeek(Random random, string[] names)
    {
        var week = new JsonObject();
        foreach (var day in names.Where((_, i) => random.Next(3) > 0 || i == 6))
        {
            week[day] = random.Next(6) switch
            {
                0 => null,
                1 => new JsonArray(Template(random), Template(random)),
                2 => new JsonObject { ["template_id"] = Template(random), ["slot"] = "am" },
                _ => Template(random),
            };
        }

        return week;
    }

    private static JsonObject Blocks(Random random, string key, LocalDate start, LocalDate end, bool rotate = false, bool digits = false)
    {
        var blocks = new JsonArray();
        var count = 1 + random.Next(3);
        var span = Period.DaysBetween(start, end) + 1;
        for (var b = 0; b < count; b++)
        {
            var blockStart = start.PlusDays(span * b / count);
            var blockEnd = start.PlusDays((span * (b + 1) / count) - 1);
            var names = digits ? Enumerable.Range(0, 7).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray() : random.Next(2) == 0 ? Weekdays : ShortWeekdays;
            var block = new JsonObject
            {
                ["id"] = $"blk-{b}",
                ["name"] = b switch { 0 => "Base Builder", 1 => "Build", _ => "Peak" },
                ["start_date"] = Iso(blockStart),
                ["end_date"] = Iso(blockEnd),
            };
            if (random.Next(2) == 0)
            {
                block["color"] = "#4caf50";
            }

            if (random.Next(3) == 0)
            {
                block["goal_ids"] = new JsonArray(GoalIds[random.Next(GoalIds.Length)]);
            }

            block["weekly"] = rotate ? new JsonArray(FlatWeek(random, names), FlatWeek(random, names)) : FlatWeek(random, names);
            var days = new JsonObject();
            var overrideDate = blockStart.PlusDays(random.Next(Period.DaysBetween(blockStart, blockEnd) + 1));
            days[Iso(overrideDate)] = random.Next(3) switch
            {
                0 => new JsonObject { ["rest"] = true, ["notes"] = "sick" },
                1 => new JsonObject { ["name"] = "Long Run Day", ["readiness"] = 1 + random.Next(10) },
                _ => new JsonObject
                {
                    ["name"] = "Race rehearsal",
                    ["notes"] = "Windy. Cut short.",
                    ["sessions"] = new JsonArray(new JsonObject
                    {
                        ["template_id"] = "tpl-long",
                        ["slot"] = "am",
                        ["completed"] = true,
                        ["completion_data"] = new JsonObject { ["rpe"] = 7, ["duration_min"] = 95, ["distance_km"] = 18.2 },
                    }),
                },
            };
            block["days"] = days;
            blocks.Add(block);
        }

        return new JsonObject { ["version"] = 2, [key] = blocks };
    }

    private static JsonObject Quirky(Random random, LocalDate start, LocalDate end)
    {
        var document = Blocks(random, "blocks", start, end);
        document["version"] = 1;
        var block = document["blocks"]![0]!.AsObject();
        block["start_date"] = Iso(start) + "T06:30:00+01:00";
        block["colour"] = "red";
        block["coach_comment"] = "ask about the knee";
        return document;
    }

    private static JsonObject Overlapping(Random random, LocalDate start, LocalDate end)
    {
        var document = Blocks(random, "blocks", start, end);
        var blocks = document["blocks"]!.AsArray();
        blocks.Add(new JsonObject
        {
            ["id"] = "blk-0",
            ["name"] = "Extra week",
            ["start_date"] = Iso(end.PlusDays(-3)),
            ["end_date"] = Iso(end.PlusDays(5)),
            ["weekly"] = FlatWeek(random, Weekdays),
        });
        return document;
    }

    private static string? Broken(Random random, int variant, LocalDate start, LocalDate end, ref string? goals)
    {
        switch (variant % 10)
        {
            case 0:
                var text = Blocks(random, "blocks", start, end).ToJsonString();
                return text[..(text.Length / 2)];
            case 1:
                return FlatWeek(random, Weekdays).ToJsonString(); // the row has no dates: missing-program-dates
            case 2:
                return new JsonObject { ["monday"] = "tpl-deleted-long-ago" }.ToJsonString();
            case 3:
                var reversed = Blocks(random, "blocks", start, end);
                reversed["blocks"]![0]!["end_date"] = Iso(start.PlusDays(-10));
                return reversed.ToJsonString();
            case 4:
                return new JsonObject { ["funday"] = Template(random) }.ToJsonString();
            case 5:
                var badDate = Blocks(random, "blocks", start, end);
                badDate["blocks"]![0]!["start_date"] = "2023-02-29";
                return badDate.ToJsonString();
            case 6:
                var outside = Blocks(random, "blocks", start, end);
                outside["blocks"]![0]!["days"] = new JsonObject { [Iso(start.PlusDays(-40))] = new JsonObject { ["rest"] = true } };
                return outside.ToJsonString();
            case 7:
                var decades = Blocks(random, "blocks", start, end);
                decades["blocks"]![0]!["start_date"] = "0001-01-01";
                decades["blocks"]![0]!["end_date"] = "9999-12-31";
                return decades.ToJsonString();
            case 8:
                var both = Blocks(random, "blocks", start, end);
                both["phases"] = new JsonArray();
                return both.ToJsonString();
            default:
                goals = new JsonArray("goal-nobody-set").ToJsonString();
                return Blocks(random, "blocks", start, end).ToJsonString();
        }
    }

    private static string Template(Random random) => TemplateIds[random.Next(TemplateIds.Length)];

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
