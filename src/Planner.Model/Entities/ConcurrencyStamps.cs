namespace Planner.Model;

/// <summary>New values for the application-managed concurrency tokens.</summary>
internal static class ConcurrencyStamps
{
    /// <summary>A fresh token: 32 hex digits, unique enough that two edits never share one.</summary>
    public static string New() => Guid.NewGuid().ToString("N");
}
