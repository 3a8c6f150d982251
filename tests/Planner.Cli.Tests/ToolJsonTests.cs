using System.Text;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;

namespace Planner.Cli.Tests;

/// <summary>
/// The bytes of the tool's JSON, written by the source-generated serializer from records: the keys of docs/cli.md
/// in their order, indentation, readable non-ASCII text, and the host's table names as they are.
/// </summary>
public sealed class ToolJsonTests
{
    [Fact]
    public void The_report_is_the_documented_keys_in_order_indented_with_readable_text()
    {
        var report = new MigrationReport(dryRun: true, ["program_blocks", "Training Days"]) { Total = 3, Migrated = 1, LeftAlone = 1 };
        report.AddRows("program_blocks", 2);
        report.AddFailure(new ProgramFailure("p-é", [
            new LegacyDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnknownField, "$.colour", "Ünknown <b>"),
            new LegacyDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.InvalidJson, "$", "cut \"short\""),
        ]));
        report.AddWarnings("p-2", [new LegacyDiagnostic(DiagnosticSeverity.Warning, MigrationCodes.RowsExist, "$", "left alone")]);

        Assert.Equal(
            """
            {
              "programs": {
                "total": 3,
                "migrated": 1,
                "already_migrated": 0,
                "failed": 1,
                "left_alone": 1
              },
              "dry_run": true,
              "cancelled": false,
              "rows": {
                "program_blocks": 2,
                "Training Days": 0
              },
              "failures": [
                {
                  "program_id": "p-é",
                  "diagnostics": [
                    {
                      "severity": "warning",
                      "code": "unknown-field",
                      "path": "$.colour",
                      "message": "Ünknown <b>"
                    },
                    {
                      "severity": "error",
                      "code": "invalid-json",
                      "path": "$",
                      "message": "cut \"short\""
                    }
                  ]
                }
              ],
              "warnings": [
                {
                  "program_id": "p-2",
                  "severity": "warning",
                  "code": "rows-exist",
                  "path": "$",
                  "message": "left alone"
                }
              ]
            }
            """,
            ReportJson.Write(report).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_converted_program_is_one_line_with_its_completion_data_compact_and_text_readable()
    {
        const string Row = """
            {"id": "p-ü", "name": "n", "weekly_schedule": {"blocks": [{"name": "Ž", "start_date": "2024-01-01", "end_date": "2024-01-01",
             "days": {"2024-01-01": {"notes": "<x> & 😀", "readiness": 7, "sessions": [{"template_id": "t", "completed": true,
             "completion_data": {"rpe": 8,  "laps": [1.50, 1e3], "note": "\u00e9"}}]}}}]}}
            """;
        using var stdout = new MemoryStream();

        var exit = ConvertCommand.Run("-", () => new MemoryStream(Encoding.UTF8.GetBytes(Row)), stdout, new StringWriter());

        Assert.Equal(0, exit);
        var line = Encoding.UTF8.GetString(stdout.ToArray());
        Assert.EndsWith("\n", line);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("""{"program_id":"p-ü","program_goal_ids":[],"blocks":[{"id":""", line);
        Assert.Contains(""","name":"Ž","start_date":"2024-01-01","end_date":"2024-01-01","color":null,"goal_ids":[]}],"days":[{"id":""", line);
        Assert.Contains(""","date":"2024-01-01","name":null,"notes":"<x> & \uD83D\uDE00","readiness":7}],"sessions":[{"id":""", line);
        Assert.Contains(""","position":0,"slot":null,"notes":null,"is_completed":true,"completion_data":{"rpe":8,"laps":[1.50,1e3],"note":"é"}}],"diagnostics":[]}""", line);
    }
}
