using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Planner.Migration.Legacy;
using Planner.Model;

namespace Planner.Migration.Migrating;

/// <summary>One row as canonical text: its table, its key, and each column's value.</summary>
/// <param name="Table">The table's name.</param>
/// <param name="Key">The primary key's values joined with <c>|</c>.</param>
/// <param name="Values">The column values as canonical text, by column name, in mapping order.</param>
internal sealed record RowImage(string Table, string Key, IReadOnlyList<KeyValuePair<string, string?>> Values);

/// <summary>
/// All the rows of one program, in any of the tables the migration writes: the blocks, days, sessions
/// and goal links, either as converted or as read back from the database. Both sides go through the
/// same canonical text, so their hashes and differences mean "the rows are (not) the same".
/// </summary>
/// <remarks>Internal: the migrator's and the verifier's view of a program's rows.</remarks>
internal sealed class ProgramRows
{
    internal ProgramRows(
        IReadOnlyList<ProgramBlock> blocks,
        IReadOnlyList<ProgramDay> days,
        IReadOnlyList<ScheduledSession> sessions,
        IReadOnlyList<ProgramGoal> programGoals,
        IReadOnlyList<BlockGoal> blockGoals)
    {
        Blocks = blocks;
        Days = days;
        Sessions = sessions;
        ProgramGoals = programGoals;
        BlockGoals = blockGoals;
    }

    public IReadOnlyList<ProgramBlock> Blocks { get; }

    public IReadOnlyList<ProgramDay> Days { get; }

    public IReadOnlyList<ScheduledSession> Sessions { get; }

    public IReadOnlyList<ProgramGoal> ProgramGoals { get; }

    public IReadOnlyList<BlockGoal> BlockGoals { get; }

    public int Count => Blocks.Count + Days.Count + Sessions.Count + ProgramGoals.Count + BlockGoals.Count;

    /// <summary>The rows a conversion writes (none for a conversion with errors).</summary>
    public static ProgramRows From(ProgramConversion conversion)
    {
        if (conversion.HasErrors)
        {
            return new ProgramRows([], [], [], [], []);
        }

        var programGoals = conversion.ProgramGoalIds
            .Select(g => new ProgramGoal { ProgramId = conversion.ProgramId, GoalId = g })
            .ToArray();
        return new ProgramRows(conversion.Blocks, conversion.Days, conversion.Sessions, programGoals, conversion.BlockGoals);
    }

    /// <summary>Reads a program's rows as they are in the database now (in the context's current transaction, if any).</summary>
    public static async Task<ProgramRows> ReadAsync(DbContext context, string programId, CancellationToken cancellationToken)
    {
        // In key order, as the planning API's queries read them: blocks of equal position then keep the order
        // the dual writer saw them in (DualWrittenText).
        var blocks = await context.Set<ProgramBlock>().AsNoTracking()
            .Where(b => b.ProgramId == programId)
            .OrderBy(b => b.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var days = await context.Set<ProgramDay>().AsNoTracking()
            .Where(d => d.Block!.ProgramId == programId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var sessions = await context.Set<ScheduledSession>().AsNoTracking()
            .Where(s => s.Day!.Block!.ProgramId == programId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var programGoals = await context.Set<ProgramGoal>().AsNoTracking()
            .Where(l => l.ProgramId == programId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var blockGoals = await context.Set<BlockGoal>().AsNoTracking()
            .Where(l => l.Block!.ProgramId == programId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ProgramRows(blocks, days, sessions, programGoals, blockGoals);
    }

    /// <summary>Every row as canonical text, sorted by table then key, so two sides compare row by row.</summary>
    public IReadOnlyList<RowImage> Images(PlannerTables tables)
    {
        var images = new List<RowImage>(Count);
        Add(tables.Blocks, Blocks);
        Add(tables.Days, Days);
        Add(tables.Sessions, Sessions);
        Add(tables.ProgramGoals, ProgramGoals);
        Add(tables.BlockGoals, BlockGoals);
        images.Sort((a, b) =>
        {
            var byTable = string.CompareOrdinal(a.Table, b.Table);
            return byTable != 0 ? byTable : string.CompareOrdinal(a.Key, b.Key);
        });
        return images;

        void Add<T>(TableMap<T> map, IReadOnlyList<T> rows)
            where T : class
        {
            foreach (var row in rows)
            {
                images.Add(new RowImage(
                    map.Name,
                    map.KeyText(row),
                    map.Columns.Select(c => KeyValuePair.Create(c.Name, c.CanonicalText(row))).ToArray()));
            }
        }
    }

    /// <summary>A SHA-256 of the canonical rows (the text of <see cref="Images"/>): equal hashes mean equal rows.</summary>
    /// <remarks>
    /// It runs for every program migrated, so the text goes straight from the rows into the hash: no
    /// <see cref="RowImage"/>, no string per value where the value can be formatted in place.
    /// </remarks>
    public string Hash(PlannerTables tables)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new CanonicalText(hash);
        try
        {
            var names = new[] { tables.Blocks.Name, tables.Days.Name, tables.Sessions.Name, tables.ProgramGoals.Name, tables.BlockGoals.Name };
            var order = new[] { 0, 1, 2, 3, 4 };
            Array.Sort(names, order, StringComparer.Ordinal);
            foreach (var table in order)
            {
                switch (table)
                {
                    case 0: Write(text, tables.Blocks, Blocks); break;
                    case 1: Write(text, tables.Days, Days); break;
                    case 2: Write(text, tables.Sessions, Sessions); break;
                    case 3: Write(text, tables.ProgramGoals, ProgramGoals); break;
                    default: Write(text, tables.BlockGoals, BlockGoals); break;
                }
            }

            text.Flush();
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            text.Return();
        }

        static void Write<T>(CanonicalText text, TableMap<T> map, IReadOnlyList<T> rows)
            where T : class
        {
            // In key order (ordinal), as Images sorts them; the converter's rows mostly come in that order already.
            var keys = new string[rows.Count];
            var order = new int[rows.Count];
            var sorted = true;
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = map.KeyText(rows[i]);
                order[i] = i;
                sorted &= i == 0 || string.CompareOrdinal(keys[i - 1], keys[i]) <= 0;
            }

            if (!sorted)
            {
                Array.Sort(keys, order, StringComparer.Ordinal);
            }

            foreach (var i in order)
            {
                var row = rows[i];
                text.Field(map.Name);
                foreach (var column in map.Columns)
                {
                    column.WriteCanonical(text, row);
                }

                text.EndRow();
            }
        }
    }
}

/// <summary>
/// The canonical text of rows, fed to a hash as it is written: each field length-prefixed
/// (<c>5:hello</c>, <c>-1:</c> for null), so no two different rows share a text; each row ends with a line feed.
/// </summary>
/// <remarks>Encoded to UTF-8 a whole number of rows at a time, so a surrogate pair is never split.</remarks>
internal sealed class CanonicalText(IncrementalHash hash)
{
    private const int FlushAt = 32 * 1024;
    private char[] _chars = ArrayPool<char>.Shared.Rent(FlushAt * 2);
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(FlushAt * 6);
    private int _length;

    /// <summary>A text field, or null.</summary>
    public void Field(string? value)
    {
        if (value is null)
        {
            Append("-1:");
            return;
        }

        Length(value.Length);
        Append(value);
    }

    /// <summary>A field already formatted.</summary>
    public void Field(ReadOnlySpan<char> value)
    {
        Length(value.Length);
        Append(value);
    }

    public void EndRow()
    {
        Append("\n");
        if (_length >= FlushAt)
        {
            Flush();
        }
    }

    public void Flush()
    {
        var needed = Encoding.UTF8.GetMaxByteCount(_length);
        if (_bytes.Length < needed)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = ArrayPool<byte>.Shared.Rent(needed);
        }

        var count = Encoding.UTF8.GetBytes(_chars.AsSpan(0, _length), _bytes);
        hash.AppendData(_bytes, 0, count);
        _length = 0;
    }

    public void Return()
    {
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<byte>.Shared.Return(_bytes);
        _chars = [];
        _bytes = [];
    }

    private void Length(int length)
    {
        Span<char> digits = stackalloc char[11];
        length.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        Append(digits[..written]);
        Append(":");
    }

    private void Append(ReadOnlySpan<char> value)
    {
        if (_length + value.Length > _chars.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + value.Length));
            _chars.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = larger;
        }

        value.CopyTo(_chars.AsSpan(_length));
        _length += value.Length;
    }
}

/// <summary>The hash of a program's legacy text: what the migration reads, and nothing else.</summary>
internal static class SourceHash
{
    /// <summary>SHA-256 of <c>weekly_schedule</c>, <c>goal_ids</c> and the two dates, length-prefixed, nulls kept apart from empty text.</summary>
    public static string Of(LegacyProgramRow row)
    {
        var text = new StringBuilder();
        foreach (var field in new[] { row.WeeklySchedule, row.GoalIds, row.StartDate, row.EndDate })
        {
            if (field is null)
            {
                text.Append("-1:");
            }
            else
            {
                text.Append(field.Length).Append(':').Append(field);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
