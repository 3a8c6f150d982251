namespace Planner.Model.Planning;

/// <summary>
/// The concurrency check of a write, said explicitly: either the stamp the caller last saw
/// (<see cref="Stamp"/>, the ETag of a day or session), or <see cref="Any"/>, "overwrite whatever is there".
/// Every write of a day or session takes one, as its parameter <c>expected</c>; there is no default.
/// </summary>
/// <remarks>
/// A class rather than a string, so a write cannot leave the check out by omission, and cannot take a
/// day's stamp where a session's is meant by swapping two strings: each write checks one row's stamp,
/// named in its documentation.
/// </remarks>
public sealed class Expect
{
    private Expect(string? stamp) => ExpectedStamp = stamp;

    /// <summary>No check: the write overwrites whatever is there, and succeeds whatever the row's stamp is.</summary>
    public static Expect Any { get; } = new(null);

    /// <summary>The stamp the row has when the write starts; <see langword="null"/> for <see cref="Any"/>.</summary>
    public string? ExpectedStamp { get; }

    /// <summary>Whether this is <see cref="Any"/> (no check).</summary>
    public bool IsAny => ExpectedStamp is null;

    /// <summary>Expects the row to still have the stamp the caller read (<see cref="CalendarDay.ConcurrencyStamp"/> or <see cref="CalendarSession.ConcurrencyStamp"/>).</summary>
    /// <param name="stamp">The stamp as read.</param>
    /// <returns>The check.</returns>
    /// <exception cref="ArgumentException"><paramref name="stamp"/> is null or empty: to write without a check, say <see cref="Any"/>.</exception>
    public static Expect Stamp(string stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            throw new ArgumentException("A concurrency stamp is needed (the ConcurrencyStamp of the day or session read); to write without a check, pass Expect.Any.", nameof(stamp));
        }

        return new Expect(stamp);
    }

    /// <inheritdoc/>
    public override string ToString() => ExpectedStamp is null ? "any stamp" : $"stamp '{ExpectedStamp}'";
}
