namespace Planner.Migration.Legacy;

/// <summary>The diagnostic codes of the legacy format; tools and reports use them as they are.</summary>
public static class DiagnosticCodes
{
    /// <summary>Not JSON at all, or truncated JSON (error).</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>Valid JSON of the wrong shape or type somewhere (error).</summary>
    public const string InvalidShape = "invalid-shape";

    /// <summary>Shape A without both program dates (error).</summary>
    public const string MissingProgramDates = "missing-program-dates";

    /// <summary>More than one of <c>blocks</c>, <c>phases</c>, <c>training_blocks</c> (error).</summary>
    public const string MultipleBlockLists = "multiple-block-lists";

    /// <summary>A <c>version</c> other than 2 (warning).</summary>
    public const string UnknownVersion = "unknown-version";

    /// <summary>A block without <c>name</c>, <c>start_date</c> or <c>end_date</c> (error).</summary>
    public const string MissingField = "missing-field";

    /// <summary>A date written as a timestamp; its date part is used (warning).</summary>
    public const string TimestampDate = "timestamp-date";

    /// <summary>An impossible date or another format (error).</summary>
    public const string InvalidDate = "invalid-date";

    /// <summary>A block ending before it starts (error).</summary>
    public const string EndBeforeStart = "end-before-start";

    /// <summary>A block spanning more days than the limit (error).</summary>
    public const string SpanTooLong = "span-too-long";

    /// <summary>Blocks overlapping each other (warning).</summary>
    public const string BlockOverlap = "block-overlap";

    /// <summary>A block outside the program's own dates (warning).</summary>
    public const string BlockOutsideProgram = "block-outside-program";

    /// <summary>A block id used twice in one program (warning).</summary>
    public const string DuplicateBlockId = "duplicate-block-id";

    /// <summary>A weekday key that names no weekday (error).</summary>
    public const string InvalidWeekday = "invalid-weekday";

    /// <summary>Two keys of one weekday map naming the same weekday (error).</summary>
    public const string DuplicateWeekday = "duplicate-weekday";

    /// <summary>A session value that is neither a template id, an object with one, nor a list of those (error).</summary>
    public const string InvalidSession = "invalid-session";

    /// <summary>A <c>days</c> entry whose date lies outside its block (error).</summary>
    public const string DayOutsideBlock = "day-outside-block";

    /// <summary>A readiness outside 1..10 or not an integer; not stored (warning).</summary>
    public const string InvalidReadiness = "invalid-readiness";

    /// <summary>A key nobody knows; kept out of the new rows and listed (warning).</summary>
    public const string UnknownField = "unknown-field";

    /// <summary>A template id that <c>session_templates</c> does not hold (error, when migrating).</summary>
    public const string UnknownTemplate = "unknown-template";

    /// <summary>A goal id that <c>goals</c> does not hold (error, when migrating).</summary>
    public const string UnknownGoal = "unknown-goal";

    /// <summary>A document over the size or nesting limits (error).</summary>
    public const string TooLarge = "too-large";
}
