namespace Planner.Model;

/// <summary>Values for the application-managed concurrency tokens.</summary>
internal static class ConcurrencyStamps
{
    /// <summary>The token of rows materialised from a schedule or converted from legacy data, so the same input gives the same rows.</summary>
    public const string Initial = "00000000000000000000000000000000";

    /// <summary>A fresh token: 32 hex digits, unique enough that two edits never share one.</summary>
    public static string New() => Guid.NewGuid().ToString("N");
}
