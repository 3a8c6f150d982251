using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// <param name="firstBlock">
    /// Optional: the state after a two-block message's first (padded) block, kept between calls whose
    /// messages share it (the days of one block and month); reused when its bytes are the same.
    /// </param>
    public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest, FirstBlockCache? firstBlock = null)
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
        if (blocks == 1)
        {
            Compress(state, padded);
        }
        else
        {
            var first = padded[..64];
            if (firstBlock is null)
            {
                Compress(state, first);
            }
            else if (firstBlock.Filled && first.SequenceEqual(firstBlock.Block))
            {
                firstBlock.State.CopyTo(state);
            }
            else
            {
                Compress(state, first);
                first.CopyTo(firstBlock.Block);
                state.CopyTo(firstBlock.State);
                firstBlock.Filled = true;
            }

            Compress(state, padded[64..]);
        }

        for (var i = 0; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], state[i]);
        }
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

    /// <summary>The state after a first block, kept for the next message that starts with the same block. Not thread-safe.</summary>
    internal sealed class FirstBlockCache
    {
        public byte[] Block { get; } = new byte[64];

        public uint[] State { get; } = new uint[5];

        public bool Filled { get; set; }
    }
}
