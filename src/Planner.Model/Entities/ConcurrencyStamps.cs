using System.Globalization;
using System.Security.Cryptography;

namespace Planner.Model;

/// <summary>Values for the application-managed concurrency tokens.</summary>
internal static class ConcurrencyStamps
{
    /// <summary>The token of rows materialised from a schedule or converted from legacy data, so the same input gives the same rows.</summary>
    public const string Initial = "00000000000000000000000000000000";

    // A stamp is 64 random bits drawn once per process, then a 64-bit counter: unique within the process
    // by construction, and across processes unless two draw the same prefix (2^-64 for a pair). That is
    // what a concurrency token needs, at a fraction of the cost of a random GUID per edit (the converter
    // and the entity constructors used to spend most of their time in Guid.NewGuid).
    private static readonly ulong ProcessPrefix = DrawPrefix();
    private static long _sequence;

    /// <summary>A fresh token: 32 lower-case hex digits, never <see cref="Initial"/>, never the same twice.</summary>
    public static string New()
    {
        // The counter starts at 1, so even a zero prefix never gives Initial.
        var sequence = (ulong)Interlocked.Increment(ref _sequence);
        return string.Create(32, sequence, static (chars, sequence) =>
        {
            ProcessPrefix.TryFormat(chars, out _, "x16", CultureInfo.InvariantCulture);
            sequence.TryFormat(chars[16..], out _, "x16", CultureInfo.InvariantCulture);
        });
    }

    private static ulong DrawPrefix()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }
}
