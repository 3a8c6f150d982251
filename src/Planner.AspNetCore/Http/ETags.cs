using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Planner.Model.Planning;

namespace Planner.AspNetCore.Http;

/// <summary>
/// Strong ETags from the planner's concurrency stamps. A session's is its stamp. A day's covers the day
/// and its session list: the day's stamp alone when it has no sessions, else a hash of the day's stamp
/// with each session's id and stamp, so completing a session (which renews only the session's stamp)
/// changes the day's ETag too and a cached day is never served stale.
/// </summary>
internal static class ETags
{
    public static string Of(CalendarSession session) => Quote(session.ConcurrencyStamp);

    public static string Of(CalendarDay day)
    {
        if (day.Sessions.Count == 0)
        {
            return Quote(day.ConcurrencyStamp);
        }

        var text = new StringBuilder(day.ConcurrencyStamp);
        foreach (var session in day.Sessions)
        {
            text.Append('|').Append(session.Id).Append(':').Append(session.ConcurrencyStamp);
        }

        return Quote(Hash(text.ToString()));
    }

    public static string Of(string content) => Quote(Hash(content));

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    /// <summary>Whether an <c>If-Match</c> or <c>If-None-Match</c> header names <paramref name="current"/> (or is <c>*</c>).</summary>
    public static bool Matches(StringValues header, string current, bool weak)
    {
        foreach (var value in header)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part == "*")
                {
                    return true;
                }

                var tag = part;
                if (tag.StartsWith("W/", StringComparison.Ordinal))
                {
                    if (!weak)
                    {
                        continue; // If-Match compares strongly: a weak tag never matches.
                    }

                    tag = tag[2..];
                }

                if (string.Equals(tag, current, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool HasIfMatch(HttpRequest request) => !StringValues.IsNullOrEmpty(request.Headers.IfMatch);

    public static bool NotModified(HttpRequest request, string current) =>
        !StringValues.IsNullOrEmpty(request.Headers.IfNoneMatch) && Matches(request.Headers.IfNoneMatch, current, weak: true);

    private static string Quote(string value) => $"\"{value}\"";
}
