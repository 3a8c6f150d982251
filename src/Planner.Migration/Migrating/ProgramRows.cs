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
    /// <remarks>Written straight into the hash, table by table in key order: it runs for every program migrated.</remarks>
    public string Hash(PlannerTables tables)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new StringBuilder(4096);
        var images = new[]
        {
            (tables.Blocks.Name, Rows(tables.Blocks, Blocks)),
            (tables.Days.Name, Rows(tables.Days, Days)),
            (tables.Sessions.Name, Rows(tables.Sessions, Sessions)),
            (tables.ProgramGoals.Name, Rows(tables.ProgramGoals, ProgramGoals)),
            (tables.BlockGoals.Name, Rows(tables.BlockGoals, BlockGoals)),
        };
        Array.Sort(images, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (table, rows) in images)
        {
            foreach (var (_, write) in rows)
            {
                Field(buffer, table);
                write(buffer);
                buffer.Append('\n');
                if (buffer.Length > 32 * 1024)
                {
                    Flush();
                }
            }
        }

        Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());

        void Flush()
        {
            hash.AppendData(Encoding.UTF8.GetBytes(buffer.ToString()));
            buffer.Clear();
        }

        static List<(string Key, Action<StringBuilder> Write)> Rows<T>(TableMap<T> map, IReadOnlyList<T> rows)
            where T : class
        {
            var keyed = new List<(string, Action<StringBuilder>)>(rows.Count);
            foreach (var row in rows)
            {
                keyed.Add((map.KeyText(row), buffer =>
                {
                    foreach (var column in map.Columns)
                    {
                        Field(buffer, column.CanonicalText(row));
                    }
                }));
            }

            keyed.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
            return keyed;
        }

        // Length-prefixed, so no two different rows share a text.
        static void Field(StringBuilder buffer, string? value)
        {
            if (value is null)
            {
                buffer.Append("-1:");
                return;
            }

            buffer.Append(value.Length).Append(':').Append(value);
        }
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
