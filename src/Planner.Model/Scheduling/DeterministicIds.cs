using System.Buffers;
using System.Globalization;
using System.Text;
using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>
/// Name-based ids (RFC 9562 UUID version 5, SHA-1): the same names always give the same id, so the
/// same input always gives the same rows.
/// </summary>
/// <remarks>
/// The names are <c>block\n{programId}\n{blockKey}</c>, <c>day\n{blockId}\n{yyyy-MM-dd}</c> and
/// <c>session\n{dayId}\n{position}</c> (each with <c>\n{generation}</c> after it from generation 1),
/// hashed as UTF-8 after the 16 bytes of <see cref="PlannerNamespace"/>. They are a contract: stored
/// rows carry these ids. The names are written straight into a stack buffer and hashed with
/// <see cref="ShortSha1"/>, because the converter makes one id per row.
/// </remarks>
public static class DeterministicIds
{
    /// <summary>The namespace of every id the planner derives.</summary>
    public static readonly Guid PlannerNamespace = new("3b1f5d0e-8c47-4d6a-9f21-6e0c2a7b9d54");

    private const int StackBytes = 256;

    /// <summary>Computes a version-5 UUID from a namespace and a name, as RFC 9562 section 5.5 describes.</summary>
    /// <param name="namespaceId">The namespace UUID.</param>
    /// <param name="name">The name, hashed as UTF-8.</param>
    /// <returns>The UUID.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static Guid Version5(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Version5(namespaceId, name, [], []);
    }

    /// <summary>The id of a block, from its program's id and its key within the program.</summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="blockKey">The block's key within its program: its legacy id, or <c>#</c> and its position.</param>
    /// <returns>The id, as lower-case hyphenated text.</returns>
    public static string ForBlock(string programId, string blockKey) =>
        Format(Version5(PlannerNamespace, "block\n", programId, "\n" + blockKey));

    /// <summary>The key of a block that has no legacy id of its own: its position in the program.</summary>
    /// <param name="position">The block's position (0, 1, ...).</param>
    /// <returns>The key: <c>#</c> and the position.</returns>
    public static string PositionKey(int position) => "#" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id of a day, from its block's id and its date.</summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="date">The day's date.</param>
    /// <returns>The id, as lower-case hyphenated text.</returns>
    public static string ForDay(string blockId, LocalDate date) => ForDay(blockId, date, 0);

    /// <summary>The id of a session, from its day's id and its position within the day.</summary>
    /// <param name="dayId">The day's id.</param>
    /// <param name="position">The session's position (0, 1, ...).</param>
    /// <returns>The id, as lower-case hyphenated text.</returns>
    public static string ForSession(string dayId, int position) => ForSession(dayId, position, 0);

    /// <summary>
    /// The id of a new day when <see cref="ForDay(string, LocalDate)"/> is already taken (generation 0 is
    /// that id): rescheduling keeps rows whose ids were derived from other dates, so a new row may need
    /// the next generation to stay unique, still deterministically.
    /// </summary>
    internal static string ForDay(string blockId, LocalDate date, int generation)
    {
        Span<char> tail = stackalloc char[48];
        return Format(Version5(PlannerNamespace, "day\n", blockId, DayTail(tail, date, generation)));
    }

    /// <summary>The id of a new session when <see cref="ForSession(string, int)"/> is already taken (generation 0 is that id).</summary>
    internal static string ForSession(string dayId, int position, int generation)
    {
        Span<char> tail = stackalloc char[32];
        return Format(Version5(PlannerNamespace, "session\n", dayId, SessionTail(tail, position, generation)));
    }

    /// <summary>
    /// The ids of many days of one block: <c>ids[i]</c> is <see cref="ForDay(string, LocalDate)"/> of
    /// <paramref name="blockId"/> and <c>dates[i]</c>, the names hashed together (see <see cref="NameBatch"/>).
    /// </summary>
    internal static void ForDays(string blockId, ReadOnlySpan<LocalDate> dates, Span<string> ids)
    {
        using var batch = new NameBatch(dates.Length);
        Span<char> tail = stackalloc char[48];
        var blockIdBytes = Encoding.UTF8.GetByteCount(blockId);
        for (var i = 0; i < dates.Length; i++)
        {
            if (!batch.TryAdd(i, "day\n", blockId, blockIdBytes, DayTail(tail, dates[i], 0)))
            {
                ids[i] = ForDay(blockId, dates[i]);
            }
        }

        batch.Finish(ids);
    }

    /// <summary>
    /// The ids of many sessions: <c>ids[i]</c> is <see cref="ForSession(string, int)"/> of
    /// <c>dayIds[i]</c> and <c>positions[i]</c>, the names hashed together (see <see cref="NameBatch"/>).
    /// </summary>
    internal static void ForSessions(ReadOnlySpan<string> dayIds, ReadOnlySpan<int> positions, Span<string> ids)
    {
        using var batch = new NameBatch(dayIds.Length);
        Span<char> tail = stackalloc char[32];
        for (var i = 0; i < dayIds.Length; i++)
        {
            if (!batch.TryAdd(i, "session\n", dayIds[i], Encoding.UTF8.GetByteCount(dayIds[i]), SessionTail(tail, positions[i], 0)))
            {
                ids[i] = ForSession(dayIds[i], positions[i]);
            }
        }

        batch.Finish(ids);
    }

    /// <summary>
    /// Names hashed together: the names of two SHA-1 blocks (every id the planner derives) are written
    /// to slots and hashed eight at a time by <see cref="ShortSha1.HashTwoBlockMessages"/>; the caller
    /// makes any other id one by one.
    /// </summary>
    private sealed class NameBatch : IDisposable
    {
        private readonly byte[] _slots;
        private readonly int[] _indexes;
        private int _count;

        public NameBatch(int capacity)
        {
            _slots = ArrayPool<byte>.Shared.Rent(capacity * 128);
            _indexes = ArrayPool<int>.Shared.Rent(capacity);
        }

        /// <summary>Queues the name of id <paramref name="index"/>, if it takes two blocks; the tail is ASCII.</summary>
        public bool TryAdd(int index, string kind, string parent, int parentBytes, ReadOnlySpan<char> asciiTail)
        {
            var length = 16 + kind.Length + parentBytes + asciiTail.Length;
            if (length is < ShortSha1.TwoBlockMinBytes or > ShortSha1.MaxManagedBytes)
            {
                return false;
            }

            var slot = _slots.AsSpan(_count * 128, 128);
            WriteName(slot, PlannerNamespace, kind, parent, asciiTail);
            ShortSha1.PadTwoBlocks(slot, length);
            _indexes[_count++] = index;
            return true;
        }

        /// <summary>Hashes the queued names and writes their ids.</summary>
        public void Finish(Span<string> ids)
        {
            var count = _count;
            var digests = ArrayPool<byte>.Shared.Rent(count * 20);
            ShortSha1.HashTwoBlockMessages(_slots, count, digests);
            for (var lane = 0; lane < count; lane++)
            {
                ids[_indexes[lane]] = Format(ToUuid(digests.AsSpan(lane * 20, 20)));
            }

            ArrayPool<byte>.Shared.Return(digests);
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_slots);
            ArrayPool<int>.Shared.Return(_indexes);
        }
    }

    /// <summary>Writes <c>\n{yyyy-MM-dd}</c> (and <c>\n{generation}</c> from generation 1).</summary>
    private static ReadOnlySpan<char> DayTail(Span<char> tail, LocalDate date, int generation)
    {
        tail[0] = '\n';
        var length = 1 + WriteIsoDate(tail[1..], date);
        return AppendGeneration(tail, length, generation);
    }

    /// <summary>Writes <c>\n{position}</c> (and <c>\n{generation}</c> from generation 1).</summary>
    private static ReadOnlySpan<char> SessionTail(Span<char> tail, int position, int generation)
    {
        tail[0] = '\n';
        position.TryFormat(tail[1..], out var written, provider: CultureInfo.InvariantCulture);
        return AppendGeneration(tail, 1 + written, generation);
    }

    private static ReadOnlySpan<char> AppendGeneration(Span<char> tail, int length, int generation)
    {
        if (generation != 0)
        {
            tail[length++] = '\n';
            generation.TryFormat(tail[length..], out var written, provider: CultureInfo.InvariantCulture);
            length += written;
        }

        return tail[..length];
    }

    /// <summary>Writes the date as ISO <c>uuuu-MM-dd</c>, as the stored names always had it; returns the length.</summary>
    private static int WriteIsoDate(Span<char> destination, LocalDate date)
    {
        if (date.Year is < 1 or > 9999)
        {
            // Years outside 1-9999 (signs, more digits) go through NodaTime's own pattern.
            var text = Configuration.LocalDateConverters.FormatIso(date);
            text.CopyTo(destination);
            return text.Length;
        }

        date.Year.TryFormat(destination, out _, "D4", CultureInfo.InvariantCulture);
        destination[4] = '-';
        date.Month.TryFormat(destination[5..], out _, "D2", CultureInfo.InvariantCulture);
        destination[7] = '-';
        date.Day.TryFormat(destination[8..], out _, "D2", CultureInfo.InvariantCulture);
        return 10;
    }

    /// <summary>The version-5 UUID of the name <paramref name="kind"/>, <paramref name="parent"/>, <paramref name="tail"/> (concatenated).</summary>
    private static Guid Version5(Guid namespaceId, ReadOnlySpan<char> kind, ReadOnlySpan<char> parent, ReadOnlySpan<char> tail)
    {
        var maxBytes = 16 + Encoding.UTF8.GetMaxByteCount(kind.Length + parent.Length + tail.Length);
        byte[]? rented = null;
        Span<byte> buffer = maxBytes <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = WriteName(buffer, namespaceId, kind, parent, tail);
            Span<byte> hash = stackalloc byte[20];
            ShortSha1.Hash(buffer[..length], hash);
            return ToUuid(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the namespace's 16 bytes (big-endian) and the name as UTF-8; returns the length.</summary>
    private static int WriteName(Span<byte> buffer, Guid namespaceId, ReadOnlySpan<char> kind, ReadOnlySpan<char> parent, ReadOnlySpan<char> tail)
    {
        if (!namespaceId.TryWriteBytes(buffer[..16], bigEndian: true, out _))
        {
            throw new InvalidOperationException("A UUID is 16 bytes.");
        }

        var length = 16;
        length += Encoding.UTF8.GetBytes(kind, buffer[length..]);
        length += Encoding.UTF8.GetBytes(parent, buffer[length..]);
        length += Encoding.UTF8.GetBytes(tail, buffer[length..]);
        return length;
    }

    /// <summary>The first 16 bytes of the hash, with the version (5) and variant (10xx) bits set.</summary>
    private static Guid ToUuid(Span<byte> hash)
    {
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // variant 10xx
        return new Guid(uuid, bigEndian: true);
    }

    private static string Format(Guid id) => id.ToString("D");
}
