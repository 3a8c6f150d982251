using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>
/// Name-based ids (RFC 9562 UUID version 5, SHA-1): the same names always give the same id, so the
/// same input always gives the same rows.
/// </summary>
public static class DeterministicIds
{
    /// <summary>The namespace of every id the planner derives.</summary>
    public static readonly Guid PlannerNamespace = new("3b1f5d0e-8c47-4d6a-9f21-6e0c2a7b9d54");

    /// <summary>Computes a version-5 UUID from a namespace and a name, as RFC 9562 section 5.5 describes.</summary>
    /// <param name="namespaceId">The namespace UUID.</param>
    /// <param name="name">The name, hashed as UTF-8.</param>
    /// <returns>The UUID.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static Guid Version5(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        var nameBytes = Encoding.UTF8.GetByteCount(name);
        var buffer = nameBytes <= 512 ? stackalloc byte[16 + nameBytes] : new byte[16 + nameBytes];
        if (!namespaceId.TryWriteBytes(buffer[..16], bigEndian: true, out _))
        {
            throw new InvalidOperationException("A UUID is 16 bytes.");
        }

        Encoding.UTF8.GetBytes(name, buffer[16..]);

        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562 version 5 is defined on SHA-1; it names rows, it protects nothing.
        SHA1.HashData(buffer, hash);
#pragma warning restore CA5350

        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // variant 10xx
        return new Guid(uuid, bigEndian: true);
    }

    /// <summary>The id of a block, from its program's id and its key within the program.</summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="blockKey">The block's key within its program: its legacy id, or <c>#</c> and its position.</param>
    /// <returns>The id, as lower-case hyphenated text.</returns>
    public static string ForBlock(string programId, string blockKey) =>
        Format(Version5(PlannerNamespace, "block\n" + programId + "\n" + blockKey));

    /// <summary>The key of a block that has no legacy id of its own: its position in the program.</summary>
    /// <param name="position">The block's position (0, 1, ...).</param>
    /// <returns>The key: <c>#</c> and the position.</returns>
    public static string PositionKey(int position) => "#" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id of a day, from its block's id and its date.</summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="date">The day's date.</param>
    /// <returns>The id, as lower-case hyphenated text.</returns>
    public static string ForDay(string blockId, LocalDate date) =>
        Format(Version5(PlannerNamespace, "day\n" + blockId + "\n" + Configuration.LocalDateConverters.FormatIso(date)));

    /// <summary>The id of a session, from its day's id and its position within the day.</summary>
    /// <param name="dayId">The day's id.</param>
    /// <param name="position">The session's position (0, 1, ...).</param>
    /// <returns>The id, as lower-case hyphenated text.</returns>
    public static string ForSession(string dayId, int position) =>
        Format(Version5(PlannerNamespace, "session\n" + dayId + "\n" + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The id of a new day when <see cref="ForDay(string, LocalDate)"/> is already taken (generation 0 is
    /// that id): rescheduling keeps rows whose ids were derived from other dates, so a new row may need
    /// the next generation to stay unique, still deterministically.
    /// </summary>
    internal static string ForDay(string blockId, LocalDate date, int generation) =>
        generation == 0
            ? ForDay(blockId, date)
            : Format(Version5(PlannerNamespace, "day\n" + blockId + "\n" + Configuration.LocalDateConverters.FormatIso(date) + "\n" + generation.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The id of a new session when <see cref="ForSession(string, int)"/> is already taken (generation 0 is that id).</summary>
    internal static string ForSession(string dayId, int position, int generation) =>
        generation == 0
            ? ForSession(dayId, position)
            : Format(Version5(PlannerNamespace, "session\n" + dayId + "\n" + position.ToString(CultureInfo.InvariantCulture) + "\n" + generation.ToString(CultureInfo.InvariantCulture)));

    private static string Format(Guid id) => id.ToString("D");
}
