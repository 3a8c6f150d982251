using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Planner.Model.Scheduling;

/// <summary>
/// SHA-1 (FIPS 180-4) in managed code for the short messages of name-based ids, with the operating
/// system's SHA-1 for anything longer. Internal.
/// </summary>
/// <remarks>
/// Why: a day or session id hashes 60-70 bytes (two SHA-1 blocks), and the call into the operating
/// system's hash (context set-up, interop) costs several times the two compressions themselves. The
/// converter makes one id per row, so that overhead was most of the time of a conversion.
/// Tests prove it equal to <see cref="SHA1.HashData(ReadOnlySpan{byte}, Span{byte})"/> for messages of
/// every length.
/// </remarks>
internal static class ShortSha1
{
    /// <summary>The longest message hashed here: two blocks, less the 0x80 byte and the 8-byte length.</summary>
    public const int MaxManagedBytes = 2 * 64 - 9;

    /// <summary>Hashes <paramref name="message"/> into the 20 bytes of <paramref name="digest"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="digest">Where the hash goes: at least 20 bytes.</param>
    public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        if (message.Length > MaxManagedBytes)
        {
#pragma warning disable CA5350 // RFC 9562 version 5 is defined on SHA-1; it names rows, it protects nothing.
            SHA1.HashData(message, digest);
#pragma warning restore CA5350
            return;
        }

        // Padding: the message, 0x80, zeros, then the length in bits as a big-endian 64-bit number at
        // the end of the last block. 55 bytes or fewer fit one block.
        Span<byte> padded = stackalloc byte[128];
        var blocks = message.Length <= 55 ? 1 : 2;
        padded = padded[..(blocks * 64)];
        message.CopyTo(padded);
        padded[message.Length] = 0x80;
        padded[(message.Length + 1)..^8].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(padded[^8..], (ulong)message.Length * 8);

        Span<uint> state = [0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u];
        Compress(state, padded[..64]);
        if (blocks == 2)
        {
            Compress(state, padded[64..]);
        }

        for (var i = 0; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], state[i]);
        }
    }

    /// <summary>
    /// Pads a message of <see cref="TwoBlockMinBytes"/> to <see cref="MaxManagedBytes"/> bytes, already
    /// written at the start of <paramref name="slot"/> (128 bytes), to its two SHA-1 blocks.
    /// </summary>
    public static void PadTwoBlocks(Span<byte> slot, int length)
    {
        Debug.Assert(length is >= TwoBlockMinBytes and <= MaxManagedBytes, "A two-block message is 56 to 119 bytes.");
        Debug.Assert(slot.Length >= 128, "A slot holds two blocks.");
        slot[length] = 0x80;
        slot[(length + 1)..120].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(slot[120..128], (ulong)length * 8);
    }

    /// <summary>The shortest message that takes two blocks.</summary>
    public const int TwoBlockMinBytes = 56;

    /// <summary>
    /// Hashes <paramref name="count"/> messages, each already padded to two blocks in its own 128-byte
    /// slot of <paramref name="slots"/> (see <see cref="PadTwoBlocks"/>), into 20 bytes each of
    /// <paramref name="digests"/>. Equal to <see cref="Hash"/> of each message.
    /// </summary>
    /// <remarks>
    /// Why: one SHA-1 is a chain of 80 dependent rounds, so a single hash leaves most of the processor
    /// idle. Eight independent messages (the session ids of a run of days) go through the same rounds
    /// side by side, one per lane of a 256-bit vector, for about the time of one or two.
    /// </remarks>
    public static void HashTwoBlockMessages(ReadOnlySpan<byte> slots, int count, Span<byte> digests)
    {
        Debug.Assert(count >= 0 && slots.Length >= count * 128 && digests.Length >= count * 20, "A 128-byte slot and 20 digest bytes per message.");
        Debug.Assert(ArePadded(slots, count), "Every slot holds a 56 to 119-byte message padded by PadTwoBlocks.");
        if (!Vector256.IsHardwareAccelerated)
        {
            HashTwoBlockMessagesOneByOne(slots, count, digests);
            return;
        }

        Span<Vector256<uint>> state = stackalloc Vector256<uint>[5];
        for (var next = 0; next < count; next += 8)
        {
            state[0] = Vector256.Create(0x67452301u);
            state[1] = Vector256.Create(0xEFCDAB89u);
            state[2] = Vector256.Create(0x98BADCFEu);
            state[3] = Vector256.Create(0x10325476u);
            state[4] = Vector256.Create(0xC3D2E1F0u);
            CompressLanes(state, slots, next, count, 0);
            CompressLanes(state, slots, next, count, 64);
            for (var lane = 0; lane < 8 && next + lane < count; lane++)
            {
                var digest = digests.Slice((next + lane) * 20, 20);
                for (var i = 0; i < 5; i++)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], state[i].GetElement(lane));
                }
            }
        }
    }

    /// <summary>
    /// <see cref="HashTwoBlockMessages"/> one message after another, where 256-bit vectors are not
    /// hardware-accelerated. Internal so tests cover it on machines where they are.
    /// </summary>
    internal static void HashTwoBlockMessagesOneByOne(ReadOnlySpan<byte> slots, int count, Span<byte> digests)
    {
        Span<uint> scalar = stackalloc uint[5];
        for (var next = 0; next < count; next++)
        {
            ReadOnlySpan<uint> initial = [0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u];
            initial.CopyTo(scalar);
            var slot = slots.Slice(next * 128, 128);
            Compress(scalar, slot[..64]);
            Compress(scalar, slot[64..]);
            for (var i = 0; i < 5; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(digests[((next * 20) + (i * 4))..], scalar[i]);
            }
        }
    }

    /// <summary>Whether each of the first <paramref name="count"/> slots ends with a two-block message's length in bits.</summary>
    private static bool ArePadded(ReadOnlySpan<byte> slots, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var bits = BinaryPrimitives.ReadUInt64BigEndian(slots.Slice((i * 128) + 120, 8));
            if (bits % 8 != 0 || bits / 8 < TwoBlockMinBytes || bits / 8 > MaxManagedBytes)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One compression of eight messages' blocks at <paramref name="offset"/> of their slots, lane by
    /// lane; lanes past <paramref name="count"/> repeat the last message, and their results are unused.
    /// The same rounds as <see cref="Compress"/>, on vectors.
    /// </summary>
    private static void CompressLanes(Span<Vector256<uint>> state, ReadOnlySpan<byte> slots, int first, int count, int offset)
    {
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[16];
        for (var i = 0; i < 16; i++)
        {
            w[i] = Vector256.Create(
                LaneWord(slots, Math.Min(first, count - 1), offset, i),
                LaneWord(slots, Math.Min(first + 1, count - 1), offset, i),
                LaneWord(slots, Math.Min(first + 2, count - 1), offset, i),
                LaneWord(slots, Math.Min(first + 3, count - 1), offset, i),
                LaneWord(slots, Math.Min(first + 4, count - 1), offset, i),
                LaneWord(slots, Math.Min(first + 5, count - 1), offset, i),
                LaneWord(slots, Math.Min(first + 6, count - 1), offset, i),
                LaneWord(slots, Math.Min(first + 7, count - 1), offset, i));
        }

        Vector256<uint> a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        var k = Vector256.Create(0x5A827999u);
        for (var t = 0; t < 20; t++)
        {
            var temp = Rotate(a, 5) + Vector256.ConditionalSelect(b, c, d) + e + k + LaneSchedule(w, t);
            e = d;
            d = c;
            c = Rotate(b, 30);
            b = a;
            a = temp;
        }

        k = Vector256.Create(0x6ED9EBA1u);
        for (var t = 20; t < 40; t++)
        {
            var temp = Rotate(a, 5) + (b ^ c ^ d) + e + k + LaneSchedule(w, t);
            e = d;
            d = c;
            c = Rotate(b, 30);
            b = a;
            a = temp;
        }

        k = Vector256.Create(0x8F1BBCDCu);
        for (var t = 40; t < 60; t++)
        {
            var temp = Rotate(a, 5) + ((b & c) | (d & (b | c))) + e + k + LaneSchedule(w, t);
            e = d;
            d = c;
            c = Rotate(b, 30);
            b = a;
            a = temp;
        }

        k = Vector256.Create(0xCA62C1D6u);
        for (var t = 60; t < 80; t++)
        {
            var temp = Rotate(a, 5) + (b ^ c ^ d) + e + k + LaneSchedule(w, t);
            e = d;
            d = c;
            c = Rotate(b, 30);
            b = a;
            a = temp;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }

    private static uint LaneWord(ReadOnlySpan<byte> slots, int message, int offset, int word) =>
        BinaryPrimitives.ReadUInt32BigEndian(slots[((message * 128) + offset + (word * 4))..]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotate(Vector256<uint> value, int bits) =>
        Vector256.ShiftLeft(value, bits) | Vector256.ShiftRightLogical(value, 32 - bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> LaneSchedule(Span<Vector256<uint>> w, int t)
    {
        if (t < 16)
        {
            return w[t];
        }

        var word = Rotate(w[(t - 3) & 15] ^ w[(t - 8) & 15] ^ w[(t - 14) & 15] ^ w[t & 15], 1);
        w[t & 15] = word;
        return word;
    }

    /// <summary>One SHA-1 compression of a 64-byte block into the state.</summary>
    /// <remarks>
    /// This is where an id's time goes, so it is written for the JIT: the 80 rounds as four branch-free
    /// loops of 20, each unrolled by five so the working variables rotate by renaming instead of being
    /// moved (round <c>t</c> adds into the variable that plays <c>e</c> and rotates the one that plays
    /// <c>b</c>), and the message schedule as a rolling window of 16 words.
    /// </remarks>
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        for (var t = 0; t < 20; t += 5)
        {
            e += BitOperations.RotateLeft(a, 5) + Choose(b, c, d) + 0x5A827999u + Word(w, t);
            b = BitOperations.RotateLeft(b, 30);
            d += BitOperations.RotateLeft(e, 5) + Choose(a, b, c) + 0x5A827999u + Word(w, t + 1);
            a = BitOperations.RotateLeft(a, 30);
            c += BitOperations.RotateLeft(d, 5) + Choose(e, a, b) + 0x5A827999u + Word(w, t + 2);
            e = BitOperations.RotateLeft(e, 30);
            b += BitOperations.RotateLeft(c, 5) + Choose(d, e, a) + 0x5A827999u + Word(w, t + 3);
            d = BitOperations.RotateLeft(d, 30);
            a += BitOperations.RotateLeft(b, 5) + Choose(c, d, e) + 0x5A827999u + Word(w, t + 4);
            c = BitOperations.RotateLeft(c, 30);
        }

        for (var t = 20; t < 40; t += 5)
        {
            e += BitOperations.RotateLeft(a, 5) + (b ^ c ^ d) + 0x6ED9EBA1u + Word(w, t);
            b = BitOperations.RotateLeft(b, 30);
            d += BitOperations.RotateLeft(e, 5) + (a ^ b ^ c) + 0x6ED9EBA1u + Word(w, t + 1);
            a = BitOperations.RotateLeft(a, 30);
            c += BitOperations.RotateLeft(d, 5) + (e ^ a ^ b) + 0x6ED9EBA1u + Word(w, t + 2);
            e = BitOperations.RotateLeft(e, 30);
            b += BitOperations.RotateLeft(c, 5) + (d ^ e ^ a) + 0x6ED9EBA1u + Word(w, t + 3);
            d = BitOperations.RotateLeft(d, 30);
            a += BitOperations.RotateLeft(b, 5) + (c ^ d ^ e) + 0x6ED9EBA1u + Word(w, t + 4);
            c = BitOperations.RotateLeft(c, 30);
        }

        for (var t = 40; t < 60; t += 5)
        {
            e += BitOperations.RotateLeft(a, 5) + Majority(b, c, d) + 0x8F1BBCDCu + Word(w, t);
            b = BitOperations.RotateLeft(b, 30);
            d += BitOperations.RotateLeft(e, 5) + Majority(a, b, c) + 0x8F1BBCDCu + Word(w, t + 1);
            a = BitOperations.RotateLeft(a, 30);
            c += BitOperations.RotateLeft(d, 5) + Majority(e, a, b) + 0x8F1BBCDCu + Word(w, t + 2);
            e = BitOperations.RotateLeft(e, 30);
            b += BitOperations.RotateLeft(c, 5) + Majority(d, e, a) + 0x8F1BBCDCu + Word(w, t + 3);
            d = BitOperations.RotateLeft(d, 30);
            a += BitOperations.RotateLeft(b, 5) + Majority(c, d, e) + 0x8F1BBCDCu + Word(w, t + 4);
            c = BitOperations.RotateLeft(c, 30);
        }

        for (var t = 60; t < 80; t += 5)
        {
            e += BitOperations.RotateLeft(a, 5) + (b ^ c ^ d) + 0xCA62C1D6u + Word(w, t);
            b = BitOperations.RotateLeft(b, 30);
            d += BitOperations.RotateLeft(e, 5) + (a ^ b ^ c) + 0xCA62C1D6u + Word(w, t + 1);
            a = BitOperations.RotateLeft(a, 30);
            c += BitOperations.RotateLeft(d, 5) + (e ^ a ^ b) + 0xCA62C1D6u + Word(w, t + 2);
            e = BitOperations.RotateLeft(e, 30);
            b += BitOperations.RotateLeft(c, 5) + (d ^ e ^ a) + 0xCA62C1D6u + Word(w, t + 3);
            d = BitOperations.RotateLeft(d, 30);
            a += BitOperations.RotateLeft(b, 5) + (c ^ d ^ e) + 0xCA62C1D6u + Word(w, t + 4);
            c = BitOperations.RotateLeft(c, 30);
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Choose(uint x, uint y, uint z) => (x & y) | (~x & z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Majority(uint x, uint y, uint z) => (x & y) | (x & z) | (y & z);

    /// <summary>The schedule's word <paramref name="t"/>: the block's own for the first 16, then derived in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Word(Span<uint> w, int t)
    {
        // The indexes are masked to the window's 16 words, so the bounds checks the JIT cannot prove
        // away are skipped (this is the innermost loop of every id).
        ref var window = ref MemoryMarshal.GetReference(w);
        if (t < 16)
        {
            return Unsafe.Add(ref window, t);
        }

        var word = BitOperations.RotateLeft(
            Unsafe.Add(ref window, (t - 3) & 15) ^ Unsafe.Add(ref window, (t - 8) & 15) ^ Unsafe.Add(ref window, (t - 14) & 15) ^ Unsafe.Add(ref window, t & 15),
            1);
        Unsafe.Add(ref window, t & 15) = word;
        return word;
    }
}
