namespace Planner.AspNetCore.Feeds;

/// <summary>
/// A calendar feed's secret token, as stored: its public id, the program it opens and the SHA-256 hash
/// of its secret (never the secret). Revoked tokens keep their row with <see cref="RevokedAtUnixMs"/> set.
/// </summary>
internal sealed class FeedToken
{
    public string Id { get; set; } = string.Empty;

    public string ProgramId { get; set; } = string.Empty;

    public byte[] SecretHash { get; set; } = [];

    public long CreatedAtUnixMs { get; set; }

    public long? RevokedAtUnixMs { get; set; }
}

/// <summary>
/// What the feed last served for one session: a fingerprint of its content, the event's
/// <c>SEQUENCE</c> and <c>LAST-MODIFIED</c>. A session whose fingerprint changed gets the next sequence.
/// </summary>
internal sealed class FeedEventState
{
    public string SessionId { get; set; } = string.Empty;

    public string Fingerprint { get; set; } = string.Empty;

    public int Sequence { get; set; }

    public long LastModifiedUnixMs { get; set; }
}
