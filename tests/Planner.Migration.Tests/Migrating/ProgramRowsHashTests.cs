using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Planner.Demo;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;
using Planner.Model;

namespace Planner.Migration.Tests.Migrating;

/// <summary>
/// The rows hash the ledger keeps is written straight from the rows into SHA-256; its oracle is the plain
/// reading of its definition: the canonical text of <see cref="ProgramRows.Images"/>, row by row, hashed at once.
/// </summary>
public sealed class ProgramRowsHashTests
{
    private static readonly LegacyGeneratorOptions Rows = new() { MaxBlocks = 4, MaxBlockWeeks = 4 };

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_hash_is_the_sha256_of_the_rows_canonical_text_whatever_their_order_and_characters(string provider)
    {
        using var context = Context(provider);
        var tables = PlannerTables.For(context);
        var texts = Gen.OneOf(Gen.String, Gen.String[Gen.Char.AlphaNumeric, 0, 5], Gen.Const("😀 é\u2028"));
        Gen.Select(Gen.Int[0, 10_000], Gen.Int, texts, texts, Gen.Bool).Sample((seed, order, name, notes, nullNotes) =>
        {
            var conversion = new LegacyConverter().Convert(new LegacyProgramGenerator(seed).Generate(1, Rows).Single());
            if (conversion.HasErrors || conversion.Days.Count == 0)
            {
                return;
            }

            // Values the converter never makes (non-BMP characters, separators, empty text), and rows out of key order.
            var random = new Random(order);
            var days = conversion.Days.OrderBy(_ => random.Next()).ToList();
            days[0].Notes = nullNotes ? null : notes;
            days[^1].Name = name;
            var blocks = conversion.Blocks.OrderBy(_ => random.Next()).ToList();
            var rows = new ProgramRows(blocks, days, conversion.Sessions.Reverse().ToList(),
                conversion.ProgramGoalIds.Select(g => new ProgramGoal { ProgramId = conversion.ProgramId, GoalId = g }).ToList(), conversion.BlockGoals);

            Assert.Equal(Oracle(rows, tables), rows.Hash(tables));
        }, iter: 200);
    }

    [Fact]
    public void Different_rows_have_different_hashes_and_equal_rows_equal_ones()
    {
        using var context = Context("sqlite");
        var tables = PlannerTables.For(context);
        var conversion = new LegacyConverter().Convert(new LegacyProgramGenerator(11).Generate(1, Rows).Single());
        var hash = ProgramRows.From(conversion).Hash(tables);
        Assert.Equal(hash, ProgramRows.From(new LegacyConverter().Convert(new LegacyProgramGenerator(11).Generate(1, Rows).Single())).Hash(tables));

        conversion.Days[0].Notes = (conversion.Days[0].Notes ?? string.Empty) + "x";
        Assert.NotEqual(hash, ProgramRows.From(conversion).Hash(tables));
    }

    private static string Oracle(ProgramRows rows, PlannerTables tables)
    {
        var text = new StringBuilder();
        foreach (var image in rows.Images(tables))
        {
            Field(image.Table);
            foreach (var (_, value) in image.Values)
            {
                Field(value);
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));

        void Field(string? value) => text.Append(value is null ? "-1:" : $"{value.Length}:{value}");
    }

    private static PlannerDbContext Context(string provider) => new(provider == "sqlite"
        ? new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite("Data Source=:memory:").Options
        : new DbContextOptionsBuilder<PlannerDbContext>().UseNpgsql("Host=localhost").Options);
}
