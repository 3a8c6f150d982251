using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Planner.Model.Scheduling;

/// <summary>
/// The ids of the rows the planner derives (blocks, and the days and sessions of a block's schedule):
/// deterministic (the same inputs always give the same id, on every run and machine) and ordered (a
/// block's days sort by date, each session right after its day, by position), as RFC 9562 version-8
/// UUIDs whose layout is the planner's.
/// </summary>
/// <remarks>
/// <para>
/// The 122 bits a version-8 UUID leaves free (all but the version, 4 bits, and the variant, 2 bits)
/// hold, most significant first:
/// </para>
/// <list type="table">
/// <listheader><term>bits</term><description>field</description></listheader>
/// <item><term>64</term><description>the block's <b>prefix</b>: the first 64 bits of SHA-256 of the block's identity (<see cref="PlannerNamespace"/>, <c>block\n{programId}\n{blockKey}</c>), one hash per block</description></item>
/// <item><term>23</term><description>the <b>day number</b>: days since -9998-01-01 (ISO), so every NodaTime date fits and later dates sort later; <c>0x7FFFFF</c> marks the block's own id, <c>0x7FFFFE</c> a session under a day the planner did not derive</description></item>
/// <item><term>8</term><description>the day's <b>generation</b> (0 unless rescheduling needed a fresh id for that date)</description></item>
/// <item><term>20</term><description>the <b>slot</b>: 0 for the day itself, the session's position + 1 for a session</description></item>
/// <item><term>7</term><description>the session's <b>generation</b></description></item>
/// </list>
/// <para>
/// The prefix bits are the UUID's bits 0-47, 52-63 and 66-69 (around the version and variant), the
/// other fields follow in order, so the text form (lower-case, hyphenated, 36 characters) sorts as the
/// fields do: a block's rows are adjacent in every index on these ids, in date and position order.
/// A block's own id is its prefix, the marker day number <c>0x7FFFFF</c> and 35 more bits of the same
/// hash. A day's id is read back from its block's id (no hash), a session's from its day's id (no hash).
/// Block and day ids the planner did not derive (ids of the version-5 contract of converter version 1,
/// or any other text) get their prefix from SHA-256 of their text instead, one hash per block or day,
/// remembered for the next call on the same thread.
/// </para>
/// <para>
/// Uniqueness: within a block, distinct (date, generation) and (day, position, generation) give
/// distinct ids by construction. Across blocks, two ids can be equal only if the two blocks' 64-bit
/// prefixes are: among n blocks that has probability about n²/2⁶⁵ (2.7·10⁻⁶ at 10 M blocks, 2.7 % at
/// 1 G blocks, see docs/migration.md). Even then the unique keys of the tables refuse the second
/// program's rows and the migration fails that program alone.
/// </para>
/// </remarks>
public static class DeterministicIds
{
    /// <summary>The namespace of every id the planner derives (hashed before the block's identity).</summary>
    public static readonly Guid PlannerNamespace = new("3b1f5d0e-8c47-4d6a-9f21-6e0c2a7b9d54");

    /// <summary>The largest session position an id holds (the slot field's 20 bits, less the day's slot 0).</summary>
    public const int MaxPosition = (1 << SlotBits) - 2;

    /// <summary>The largest generation of a day id.</summary>
    public const int MaxDayGeneration = (1 << DayGenerationBits) - 1;

    /// <summary>The largest generation of a session id.</summary>
    public const int MaxSessionGeneration = (1 << SessionGenerationBits) - 1;

    private const int DayBits = 23;
    private const int DayGenerationBits = 8;
    private const int SlotBits = 20;
    private const int SessionGenerationBits = 7;

    private const int SessionGenerationShift = 0;
    private const int SlotShift = SessionGenerationShift + SessionGenerationBits; // 7
    private const int DayGenerationShift = SlotShift + SlotBits; // 27
    private const int DayShift = DayGenerationShift + DayGenerationBits; // 35
    private const int PrefixLowShift = DayShift + DayBits; // 58: the prefix's last 4 bits, under the variant

    private const ulong DayMask = (1UL << DayBits) - 1;
    private const ulong BlockMarker = DayMask; // 0x7FFFFF
    private const ulong ForeignDayMarker = DayMask - 1; // 0x7FFFFE
    private const ulong Variant = 0b10UL << 62;
    private const ulong RowFieldsMask = (1UL << PrefixLowShift) - 1;

    /// <summary>Day number 0: the first day NodaTime's ISO calendar has.</summary>
    private static readonly long EpochDays = DaysFromCivil(-9998, 1, 1);

    [ThreadStatic]
    private static ForeignPrefix? _lastForeignBlock;

    [ThreadStatic]
    private static ForeignPrefix? _lastForeignDay;

    /// <summary>Computes a version-5 UUID from a namespace and a name, as RFC 9562 section 5.5 describes.</summary>
    /// <remarks>No longer used for the planner's rows (converter version 1 used it); kept for hosts' own name-based ids.</remarks>
    /// <param name="namespaceId">The namespace UUID.</param>
    /// <param name="name">The name, hashed as UTF-8.</param>
    /// <returns>The UUID.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static Guid Version5(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var length = 16 + Encoding.UTF8.GetByteCount(name);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            namespaceId.TryWriteBytes(buffer.AsSpan(0, 16), bigEndian: true, out _);
            Encoding.UTF8.GetBytes(name, buffer.AsSpan(16));
            Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562's version 5 is SHA-1 by definition; not a security use
            SHA1.HashData(buffer.AsSpan(0, length), hash);
#pragma warning restore CA5350
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // variant 10xx
            return new Guid(hash[..16], bigEndian: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The id of a block, from its program's id and its key within the program: one SHA-256.</summary>
    /// <param name="programId">The program's id.</param>
    /// <param name="blockKey">The block's key within its program: its legacy id, or <c>#</c> and its position.</param>
    /// <returns>The id, as lower-case hyphenated text.</returns>
    public static string ForBlock(string programId, string blockKey)
    {
        ArgumentNullException.ThrowIfNull(programId);
        ArgumentNullException.ThrowIfNull(blockKey);
        Span<byte> hash = stackalloc byte[32];
        HashName("block\n", programId, "\n" + blockKey, hash);
        var prefix = BinaryPrimitives.ReadUInt64BigEndian(hash);
        var extra = BinaryPrimitives.ReadUInt64BigEndian(hash[8..]) >> (64 - DayShift); // 35 more bits
        return Format(Compose(prefix, (BlockMarker << DayShift) | extra));
    }

    /// <summary>The key of a block that has no legacy id of its own: its position in the program.</summary>
    /// <param name="position">The block's position (0, 1, ...).</param>
    /// <returns>The key: <c>#</c> and the position.</returns>
    public static string PositionKey(int position) => "#" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id of a day, from its block's id and its date (no hash for a block id the planner derived).</summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="date">The day's date.</param>
    /// <returns>The id, as lower-case hyphenated text.</returns>
    public static string ForDay(string blockId, LocalDate date) => ForDay(blockId, date, 0);

    /// <summary>The id of a session, from its day's id and its position within the day (no hash for a day id the planner derived).</summary>
    /// <param name="dayId">The day's id.</param>
    /// <param name="position">The session's position (0 to <see cref="MaxPosition"/>).</param>
    /// <returns>The id, as lower-case hyphenated text.</returns>
    public static string ForSession(string dayId, int position) => ForSession(dayId, position, 0);

    /// <summary>
    /// The id of a new day when <see cref="ForDay(string, LocalDate)"/> is already taken (generation 0 is
    /// that id): rescheduling keeps rows whose ids were derived from other dates, so a new row may need
    /// the next generation to stay unique, still deterministically.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="generation"/> is negative or over <see cref="MaxDayGeneration"/>.</exception>
    internal static string ForDay(string blockId, LocalDate date, int generation) =>
        Format(BlockIdBits.Of(blockId).Day(date, generation));

    /// <summary>The id of a new session when <see cref="ForSession(string, int)"/> is already taken (generation 0 is that id).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> or <paramref name="generation"/> is out of its field's range.</exception>
    internal static string ForSession(string dayId, int position, int generation)
    {
        ArgumentNullException.ThrowIfNull(dayId);
        return Format(DayIdBits(dayId).Session(position, generation));
    }

    /// <summary>The day number of a date: days since -9998-01-01 in the ISO calendar (0 to 7,304,849).</summary>
    internal static int DayNumber(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        return (int)(DaysFromCivil(date.Year, date.Month, date.Day) - EpochDays);
    }

    /// <summary>The 128 bits of a day id: parsed back from the text of a day id the planner derived, hashed from any other text.</summary>
    private static Uuid DayIdBits(string dayId)
    {
        if (Uuid.TryParse(dayId, out var uuid) && uuid.IsPlanner && uuid.Slot == 0 && uuid.DayNumber < ForeignDayMarker)
        {
            return uuid;
        }

        var cached = _lastForeignDay;
        if (cached is null || !string.Equals(cached.Id, dayId, StringComparison.Ordinal))
        {
            Span<byte> hash = stackalloc byte[32];
            HashName("day-id\n", dayId, "", hash);
            var prefix = BinaryPrimitives.ReadUInt64BigEndian(hash);
            var generation = (ulong)hash[8] >> (8 - DayGenerationBits);
            cached = new ForeignPrefix(dayId, Compose(prefix, (ForeignDayMarker << DayShift) | (generation << DayGenerationShift)));
            _lastForeignDay = cached;
        }

        return cached.Bits;
    }

    /// <summary>Writes SHA-256 of the namespace's 16 bytes (big-endian) and the name's parts as UTF-8.</summary>
    private static void HashName(string kind, string parent, string tail, Span<byte> hash)
    {
        var maxBytes = 16 + Encoding.UTF8.GetMaxByteCount(kind.Length + parent.Length + tail.Length);
        byte[]? rented = null;
        Span<byte> buffer = maxBytes <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            PlannerNamespace.TryWriteBytes(buffer, bigEndian: true, out _);
            var length = 16;
            length += Encoding.UTF8.GetBytes(kind, buffer[length..]);
            length += Encoding.UTF8.GetBytes(parent, buffer[length..]);
            length += Encoding.UTF8.GetBytes(tail, buffer[length..]);
            SHA256.HashData(buffer[..length], hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The UUID of a 64-bit prefix and the 58 bits of row fields after it.</summary>
    private static Uuid Compose(ulong prefix, ulong rowFields) => new(
        (prefix & 0xFFFF_FFFF_FFFF_0000UL) | (0x8UL << 12) | ((prefix >> 4) & 0xFFF),
        Variant | ((prefix & 0xF) << PrefixLowShift) | (rowFields & RowFieldsMask));

    private static string Format(Uuid uuid) => string.Create(36, uuid, static (chars, u) =>
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, u.High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], u.Low);
        var j = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                chars[j++] = '-';
            }

            chars[j++] = Hex[bytes[i] >> 4];
            chars[j++] = Hex[bytes[i] & 0xF];
        }
    });

    private static ReadOnlySpan<char> Hex => "0123456789abcdef";

    /// <summary>Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's <c>days_from_civil</c>); any year.</summary>
    private static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    /// <summary>
    /// The prefix of one block, taken once: the days of the block are made from it with no hash and
    /// no parsing (the converter's and the expansion's way).
    /// </summary>
    internal readonly struct BlockIdBits
    {
        private readonly Uuid _block;

        private BlockIdBits(Uuid block) => _block = block;

        /// <summary>The bits of a block id: read back from a block id the planner derived, hashed from any other text.</summary>
        public static BlockIdBits Of(string blockId)
        {
            ArgumentNullException.ThrowIfNull(blockId);
            if (Uuid.TryParse(blockId, out var uuid) && uuid.IsPlanner && uuid.DayNumber == BlockMarker)
            {
                return new BlockIdBits(uuid);
            }

            var cached = _lastForeignBlock;
            if (cached is null || !string.Equals(cached.Id, blockId, StringComparison.Ordinal))
            {
                Span<byte> hash = stackalloc byte[32];
                HashName("block-id\n", blockId, "", hash);
                cached = new ForeignPrefix(blockId, Compose(BinaryPrimitives.ReadUInt64BigEndian(hash), BlockMarker << DayShift));
                _lastForeignBlock = cached;
            }

            return new BlockIdBits(cached.Bits);
        }

        /// <summary>The bits of the day id of <paramref name="date"/>.</summary>
        public Uuid Day(LocalDate date, int generation)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(generation);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(generation, MaxDayGeneration);
            var fields = ((ulong)DayNumber(date) << DayShift) | ((ulong)generation << DayGenerationShift);
            return new Uuid(_block.High, (_block.Low & ~RowFieldsMask) | fields);
        }

        /// <summary>The day id of <paramref name="date"/>, as text.</summary>
        public string DayId(LocalDate date) => Format(Day(date, 0));

        /// <summary>The session id at <paramref name="position"/> of the day <paramref name="day"/>, as text.</summary>
        public static string SessionId(Uuid day, int position) => Format(day.Session(position, 0));
    }

    /// <summary>128 bits of a UUID, big-endian halves: the text's order is (High, Low)'s.</summary>
    internal readonly record struct Uuid(ulong High, ulong Low)
    {
        /// <summary>Version 8 and variant 10: a layout of the planner's (or of someone else's version 8, treated the same: still deterministic).</summary>
        public bool IsPlanner => ((High >> 12) & 0xF) == 8 && (Low >> 62) == 0b10;

        public ulong DayNumber => (Low >> DayShift) & DayMask;

        public ulong Slot => (Low >> SlotShift) & ((1UL << SlotBits) - 1);

        /// <summary>The bits of the session at <paramref name="position"/> of this day.</summary>
        public Uuid Session(int position, int generation)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(position, MaxPosition);
            ArgumentOutOfRangeException.ThrowIfNegative(generation);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(generation, MaxSessionGeneration);
            var fields = ((ulong)(position + 1) << SlotShift) | ((ulong)generation << SessionGenerationShift);
            return this with { Low = (Low & ~((1UL << DayGenerationShift) - 1)) | fields };
        }

        public static bool TryParse(string text, out Uuid uuid)
        {
            uuid = default;
            if (text.Length != 36 || !Guid.TryParseExact(text, "D", out var guid))
            {
                return false;
            }

            Span<byte> bytes = stackalloc byte[16];
            guid.TryWriteBytes(bytes, bigEndian: true, out _);
            uuid = new Uuid(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
            return true;
        }

        public override string ToString() => Format(this);
    }

    /// <summary>The bits derived from an id the planner did not make, kept for the next call with the same id.</summary>
    private sealed record ForeignPrefix(string Id, Uuid Bits);
}
