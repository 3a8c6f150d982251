namespace Planner.AspNetCore;

/// <summary>Settings of the HTTP API and its calendar feed.</summary>
public sealed class PlannerApiOptions
{
    /// <summary>The largest request body a write endpoint reads, in bytes; a larger one gets 413. Defaults to 64 KiB.</summary>
    public long MaxRequestBodySize { get; set; } = 64 * 1024;

    /// <summary>The longest calendar window a read may ask for, in days (both ends included). Defaults to 366.</summary>
    public int MaxWindowDays { get; set; } = 366;

    /// <summary>
    /// The domain of the feed's event UIDs (<c>{sessionId}@{FeedDomain}</c>): a domain the host owns, so
    /// the UIDs stay unique in a calendar app that subscribes to several feeds. Defaults to <c>planner.invalid</c>.
    /// </summary>
    public string FeedDomain { get; set; } = "planner.invalid";

    /// <summary>How long a calendar app may keep a feed before polling again (<c>Cache-Control: max-age</c>). Defaults to 15 minutes.</summary>
    public TimeSpan FeedMaxAge { get; set; } = TimeSpan.FromMinutes(15);
}
