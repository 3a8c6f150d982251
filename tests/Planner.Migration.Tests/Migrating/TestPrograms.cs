using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Planner.Migration.Legacy;
using Planner.Model;
using Planner.Model.Scheduling;

namespace Planner.Migration.Tests.Migrating;


/// <summary>Legacy rows for the tests: shape B blocks with goals (and an unknown key) and shape A weeks, over a few months.</summary>
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
                ? $$$"""{"version": 2, "blocks": [{"id": "blk-base", "name": "Base", "start_date": "{{{LocalDatePattern.Iso.Format(start)}}}", "end_date": "{{{LocalDatePattern.Iso.Format(end)}}}", "goal_ids": ["goal-b"], "colour": "red", "weekly": {"monday": "tpl-easy", "wednesday": ["tpl-intervals", "tpl-core"], "saturday": "tpl-long"}}]}"""
                : "{\"tuesday\": \"tpl-easy\", \"sunday\": \"tpl-long\"}");
    }

    public static IEnumerable<LegacyProgramRow> Many(int count, int days = 91) => Enumerable.Range(1, count).Select(i => Program(i, days));
}
