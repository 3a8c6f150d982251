using Planner.Migration.Legacy;

namespace Planner.Migration.Tests.Legacy;

/// <summary>Rows the legacy tests share.</summary>
internal static class LegacyTestRows
{
    public const string ProgramId = "prog-1";

    public static LegacyProgramRow Row(string? schedule, string? start = "2024-01-01", string? end = "2024-12-31", string? goalIds = null, string id = ProgramId) =>
        new(id, "Test program", start, end, goalIds, schedule);

    public static ProgramConversion Convert(string? schedule, string? start = "2024-01-01", string? end = "2024-12-31", string? goalIds = null, LegacyConverterOptions? options = null) =>
        new LegacyConverter(options).Convert(Row(schedule, start, end, goalIds));

    /// <summary>A block document with one block, its JSON members given as text.</summary>
    public static string Block(string members) =>
        "{\"blocks\": [{\"name\": \"B\", \"start_date\": \"2024-01-01\", \"end_date\": \"2024-01-28\"" + (members.Length > 0 ? ", " + members : string.Empty) + "}]}";
}
