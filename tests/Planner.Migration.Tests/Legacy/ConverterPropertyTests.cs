using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using Planner.Migration.Legacy;
using Planner.Model.Scheduling;

namespace Planner.Migration.Tests.Legacy;

/// <summary>
/// Random valid legacy documents (both shapes, the three list names, every weekday and template key
/// spelling, rotations, day entries) against a simple oracle written here from docs/legacy-format.md: it walks
/// the dates one by one and says which sessions and day fields each date has.
/// </summary>
public sealed class ConverterPropertyTests
{
    private static readonly DateOnly Epoch = new(2000, 1, 1);
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] TemplateKeys = ["template_id", "template", "templateId"];
    private static readonly string[] ListKeys = ["blocks", "phases", "training_blocks"];

    internal sealed record SessionSpec(string Template, string? Slot, string? Notes, int TemplateKey, bool AsString, bool Completed, string? Completion);

    /// <summary>A weekday-map value: Form 0 null, 1 "", 2 [], 3 one session, 4 a list.</summary>
    internal sealed record ValueSpec(int Form, SessionSpec[] Sessions);

    /// <summary>One weekday of a map: present or not, its key style and value.</summary>
    internal sealed record WeekdaySpec(bool Present, int KeyStyle, ValueSpec Value);

    /// <summary>A day entry: Kind 0 annotate, 1 rest, 2 sessions.</summary>
    internal sealed record DaySpec(int Offset, string? Name, string? Notes, int Readiness, int Kind, SessionSpec[] Sessions);

    internal sealed record BlockSpec(bool HasId, string Name, int Gap, int Length, string? Color, string[] Goals, bool ScheduleKey, bool RotationAsList, WeekdaySpec[][] Weeks, DaySpec[] Days);

    internal sealed record DocumentSpec(bool ShapeA, int ListKey, bool Version, int StartOffset, int ProgramLength, WeekdaySpec[] FlatWeek, BlockSpec[] Blocks);

    private static readonly Gen<string> GenTemplate = Gen.OneOf("tpl-a", "tpl-b", "tpl long", "tpl-\u00e9", "0");
    private static readonly Gen<string?> GenText = Gen.OneOf<string?>(null, null, "am", "pm", "with \"quotes\" and \\", "n\u00f6tes\n2");

    private static readonly Gen<SessionSpec> GenSession =
        from template in GenTemplate
        from slot in GenText
        from notes in GenText
        from key in Gen.Int[0, 2]
        from asString in Gen.Bool
        select new SessionSpec(template, slot, notes, key, asString && slot is null && notes is null, false, null);

    private static readonly Gen<SessionSpec> GenDaySession =
        from session in GenSession
        from completed in Gen.Bool
        from completion in Gen.OneOf<string?>(null, "{\"rpe\":7,\"duration_min\":95,\"distance_km\":18.2}", "{\"a\":[1,{\"b\":null}],\"x\":1.5e3}")
        select session with { Completed = completed, Completion = completion, AsString = session.AsString && !completed && completion is null };

    private static readonly Gen<ValueSpec> GenValue = Gen.Int[0, 4].SelectMany(form => form switch
    {
        < 3 => Gen.Const(new ValueSpec(form, [])),
        3 => GenSession.Select(s => new ValueSpec(3, [s])),
        _ => GenSession.Array[1, 3].Select(s => new ValueSpec(4, s)),
    });

    private static readonly Gen<WeekdaySpec[]> GenWeek =
        Gen.Select(Gen.Bool, Gen.Int[0, 6], GenValue, (present, style, value) => new WeekdaySpec(present, style, value)).Array[7];

    private static readonly Gen<DaySpec> GenDay =
        from offset in Gen.Int[0, 500]
        from name in GenText
        from notes in GenText
        from readiness in Gen.Int[0, 10]
        from kind in Gen.Int[0, 2]
        from sessions in GenDaySession.Array[0, 3]
        select new DaySpec(offset, name, notes, readiness, kind, sessions);

    private static readonly Gen<BlockSpec> GenBlock =
        from hasId in Gen.Bool
        from name in Gen.OneOf("Base", "Peak", "Taper \u2713")
        from gap in Gen.Int[0, 3]
        from length in Gen.Int[1, 60]
        from color in Gen.OneOf<string?>(null, "#4caf50")
        from goals in Gen.OneOf("g-1", "g-2", "g-3").Array[0, 3]
        from scheduleKey in Gen.Bool
        from rotationAsList in Gen.Bool
        from weeks in GenWeek.Array[0, 3]
        from days in GenDay.Array[0, 5]
        select new BlockSpec(hasId, name, gap, length, color, goals, scheduleKey, rotationAsList, weeks, days);

    private static readonly Gen<DocumentSpec> GenDocument =
        from shapeA in Gen.Int[0, 3].Select(i => i == 0)
        from listKey in Gen.Int[0, 2]
        from version in Gen.Bool
        from start in Gen.Int[0, 9000]
        from programLength in Gen.Int[1, 120]
        from flatWeek in GenWeek
        from blocks in GenBlock.Array[0, 4]
        select new DocumentSpec(shapeA, listKey, version, start, programLength, flatWeek, blocks);

    [Fact]
    public void Random_valid_documents_convert_to_what_the_oracle_expects()
    {
        GenDocument.Sample(spec =>
        {
            var (row, expected) = Render(spec);
            var conversion = new LegacyConverter().Convert(row);

            Assert.Empty(conversion.Diagnostics);
            Assert.Equal(expected.Count, conversion.Blocks.Count);
            var days = conversion.Days.ToList();
            var dayIndex = 0;
            for (var b = 0; b < expected.Count; b++)
            {
                var (key, legacyId, name, dates) = expected[b];
                var block = conversion.Blocks[b];
                Assert.Equal(DeterministicIds.ForBlock(row.Id, key), block.Id);
                Assert.Equal(legacyId, block.LegacyId);
                Assert.Equal(name, block.Name);
                Assert.Equal(b, block.Position);
                foreach (var (date, dayName, notes, readiness, sessions) in dates)
                {
                    var day = days[dayIndex++];
                    Assert.Equal(block.Id, day.BlockId);
                    Assert.Equal(date, DateOnly.FromDateTime(day.Date.ToDateTimeUnspecified()));
                    Assert.Equal(dayName, day.Name);
                    Assert.Equal(notes, day.Notes);
                    Assert.Equal(readiness, day.Readiness);
                    var actual = day.Sessions.OrderBy(s => s.Position).ToList();
                    Assert.Equal(sessions.Count, actual.Count);
                    for (var p = 0; p < sessions.Count; p++)
                    {
                        Assert.Equal(p, actual[p].Position);
                        Assert.Equal(sessions[p].Template, actual[p].SessionTemplateId);
                        Assert.Equal(sessions[p].Slot, actual[p].Slot);
                        Assert.Equal(sessions[p].Notes, actual[p].Notes);
                        Assert.Equal(sessions[p].Completed, actual[p].IsCompleted);
                        Assert.True(JsonNode.DeepEquals(Parse(sessions[p].Completion), Parse(actual[p].CompletionData)));
                    }
                }
            }

            Assert.Equal(dayIndex, days.Count);
            Assert.Equal(days.Sum(d => d.Sessions.Count), conversion.Sessions.Count);
        }, iter: 300);

        static JsonNode? Parse(string? text) => text is null ? null : JsonNode.Parse(text);
    }

    [Fact]
    public void The_same_row_always_gives_the_same_entities()
    {
        GenDocument.Sample(spec =>
        {
            var (row, _) = Render(spec);
            var first = new LegacyConverter().Convert(row);
            var second = new LegacyConverter().Convert(row with { });
            Assert.Equal(first.Days.Select(d => (d.Id, d.ConcurrencyStamp)), second.Days.Select(d => (d.Id, d.ConcurrencyStamp)));
            Assert.Equal(first.Sessions.Select(s => (s.Id, s.ConcurrencyStamp)), second.Sessions.Select(s => (s.Id, s.ConcurrencyStamp)));
        }, iter: 50);
    }

    /// <summary>The oracle: renders the spec as a row and says, date by date, what the conversion must hold.</summary>
    internal static (LegacyProgramRow Row, List<(string Key, string? LegacyId, string Name, List<(DateOnly Date, string? Name, string? Notes, int? Readiness, List<SessionSpec> Sessions)> Days)> Expected) Render(DocumentSpec spec)
    {
        var expected = new List<(string, string?, string, List<(DateOnly, string?, string?, int?, List<SessionSpec>)>)>();
        var programStart = Epoch.AddDays(spec.StartOffset);
        if (spec.ShapeA)
        {
            var map = RenderWeek(spec.FlatWeek);
            var programEnd = programStart.AddDays(spec.ProgramLength - 1);
            if (map.Count > 0)
            {
                expected.Add(("#0", null, "Main", Expand(programStart, spec.ProgramLength, [spec.FlatWeek], [])));
            }

            return (new LegacyProgramRow("prog-" + spec.StartOffset, "P", Iso(programStart), Iso(programEnd), null, map.ToJsonString()), expected);
        }

        var blocks = new JsonArray();
        var start = programStart;
        for (var position = 0; position < spec.Blocks.Length; position++)
        {
            var b = spec.Blocks[position];
            start = start.AddDays(b.Gap);
            var block = new JsonObject();
            var legacyId = b.HasId ? "blk-" + position.ToString(CultureInfo.InvariantCulture) : null;
            if (legacyId is not null)
            {
                block["id"] = legacyId;
            }

            block["name"] = b.Name;
            block["start_date"] = Iso(start);
            block["end_date"] = Iso(start.AddDays(b.Length - 1));
            if (b.Color is not null)
            {
                block["color"] = b.Color;
            }

            if (b.Goals.Length > 0)
            {
                block["goal_ids"] = new JsonArray(b.Goals.Select(g => (JsonNode)g).ToArray());
            }

            var weeks = b.Weeks;
            if (weeks.Length > 0)
            {
                block[b.ScheduleKey ? "schedule" : "weekly"] = weeks.Length == 1 && !b.RotationAsList
                    ? RenderWeek(weeks[0])
                    : new JsonArray(weeks.Select(w => (JsonNode)RenderWeek(w)).ToArray());
            }

            // One entry per date: the first spec for a date wins, the others are not rendered.
            var entries = b.Days.GroupBy(d => d.Offset % b.Length).Select(g => g.First() with { Offset = g.Key }).ToArray();
            if (entries.Length > 0)
            {
                var days = new JsonObject();
                foreach (var day in entries.OrderBy(d => d.Offset))
                {
                    days[Iso(start.AddDays(day.Offset))] = RenderDay(day);
                }

                block["days"] = days;
            }

            blocks.Add(block);
            expected.Add((legacyId ?? "#" + position.ToString(CultureInfo.InvariantCulture), legacyId, b.Name, Expand(start, b.Length, weeks, entries)));
            start = start.AddDays(b.Length);
        }

        var document = new JsonObject();
        if (spec.Version)
        {
            document["version"] = 2;
        }

        document[ListKeys[spec.ListKey]] = blocks;
        var end = spec.Blocks.Length == 0 ? programStart : start.AddDays(-1);
        return (new LegacyProgramRow("prog-" + spec.StartOffset, "P", Iso(programStart), Iso(end), null, document.ToJsonString()), expected);
    }

    /// <summary>docs/legacy-format.md by hand: week k uses map k mod n; a rest entry empties the date, a sessions entry replaces it.</summary>
    private static List<(DateOnly, string?, string?, int?, List<SessionSpec>)> Expand(DateOnly start, int length, WeekdaySpec[][] weeks, DaySpec[] entries)
    {
        var result = new List<(DateOnly, string?, string?, int?, List<SessionSpec>)>();
        for (var offset = 0; offset < length; offset++)
        {
            var date = start.AddDays(offset);
            var pythonWeekday = ((int)date.DayOfWeek + 6) % 7; // Monday 0 .. Sunday 6
            var sessions = new List<SessionSpec>();
            if (weeks.Length > 0)
            {
                var weekday = weeks[offset / 7 % weeks.Length][pythonWeekday];
                if (weekday.Present)
                {
                    sessions.AddRange(weekday.Value.Sessions);
                }
            }

            var entry = entries.FirstOrDefault(e => e.Offset == offset);
            if (entry is null)
            {
                result.Add((date, null, null, null, sessions));
                continue;
            }

            sessions = entry.Kind switch
            {
                1 => [],
                2 => entry.Sessions.ToList(),
                _ => sessions,
            };
            result.Add((date, entry.Name, entry.Notes, entry.Readiness == 0 ? null : entry.Readiness, sessions));
        }

        return result;
    }

    private static JsonObject RenderWeek(WeekdaySpec[] week)
    {
        var map = new JsonObject();
        for (var day = 0; day < 7; day++)
        {
            if (!week[day].Present)
            {
                continue;
            }

            var name = Weekdays[day];
            var key = week[day].KeyStyle switch
            {
                0 => name,
                1 => char.ToUpperInvariant(name[0]) + name[1..],
                2 => name.ToUpperInvariant(),
                3 => name[..3],
                4 => char.ToUpperInvariant(name[0]) + name[1..3],
                5 => name[..3].ToUpperInvariant(),
                _ => day.ToString(CultureInfo.InvariantCulture),
            };
            map[key] = week[day].Value switch
            {
                { Form: 0 } => null,
                { Form: 1 } => "",
                { Form: 2 } => new JsonArray(),
                { Form: 3 } v => RenderSession(v.Sessions[0]),
                var v => new JsonArray(v.Sessions.Select(RenderSession).ToArray()),
            };
        }

        return map;
    }

    private static JsonObject RenderDay(DaySpec day)
    {
        var entry = new JsonObject();
        if (day.Name is not null)
        {
            entry["name"] = day.Name;
        }

        if (day.Notes is not null)
        {
            entry["notes"] = day.Notes;
        }

        if (day.Readiness > 0)
        {
            entry["readiness"] = day.Readiness;
        }

        if (day.Kind == 1)
        {
            entry["rest"] = true;
        }
        else if (day.Kind == 2)
        {
            entry["sessions"] = new JsonArray(day.Sessions.Select(RenderSession).ToArray());
        }

        return entry;
    }

    private static JsonNode RenderSession(SessionSpec session)
    {
        if (session.AsString)
        {
            return session.Template;
        }

        var obj = new JsonObject { [TemplateKeys[session.TemplateKey]] = session.Template };
        if (session.Slot is not null)
        {
            obj["slot"] = session.Slot;
        }

        if (session.Notes is not null)
        {
            obj["notes"] = session.Notes;
        }

        if (session.Completed)
        {
            obj["completed"] = true;
        }

        if (session.Completion is not null)
        {
            obj["completion_data"] = JsonNode.Parse(session.Completion);
        }

        return obj;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
