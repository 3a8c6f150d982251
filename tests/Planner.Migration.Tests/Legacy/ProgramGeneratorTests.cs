using Planner.Demo;
using Planner.Migration.Legacy;

namespace Planner.Migration.Tests.Legacy;

/// <summary>The generator the migrator and the demo reuse: deterministic, every shape, every broken kind.</summary>
public sealed class ProgramGeneratorTests
{
    [Fact]
    public void Clean_rows_convert_without_diagnostics_and_reference_only_the_catalog()
    {
        var templates = LegacyProgramGenerator.Templates.Select(t => t.Id).ToHashSet();
        var goals = LegacyProgramGenerator.Goals.Select(g => g.Id).ToHashSet();
        var converter = new LegacyConverter();
        var shapes = new HashSet<string>();
        foreach (var row in new LegacyProgramGenerator(1).Generate(400))
        {
            var conversion = converter.Convert(row);
            Assert.True(conversion.Diagnostics.Count == 0, $"{row.Id}: {string.Join("; ", conversion.Diagnostics)}");
            Assert.All(conversion.Sessions, s => Assert.Contains(s.SessionTemplateId, templates));
            Assert.All(conversion.BlockGoals.Select(g => g.GoalId).Concat(conversion.ProgramGoalIds), g => Assert.Contains(g, goals));
            shapes.Add(row.WeeklySchedule!.Contains("\"blocks\"") ? "blocks" : row.WeeklySchedule.Contains("\"phases\"") ? "phases" : row.WeeklySchedule.Contains("\"training_blocks\"") ? "training_blocks" : "A");
            if (row.WeeklySchedule.Contains("\"schedule\""))
            {
                shapes.Add("schedule");
            }

            if (conversion.Sessions.Any(s => s.CompletionData is not null))
            {
                shapes.Add("completion");
            }
        }

        Assert.Equal(["A", "blocks", "completion", "phases", "schedule", "training_blocks"], shapes.Order());
    }

    [Fact]
    public void Broken_and_warning_rows_show_the_code_they_were_made_for()
    {
        var templates = LegacyProgramGenerator.Templates.Select(t => t.Id).ToHashSet();
        var goals = LegacyProgramGenerator.Goals.Select(g => g.Id).ToHashSet();
        var cases = new LegacyProgramGenerator(3).GenerateCases(300, new LegacyGeneratorOptions { ErrorShare = 0.2, WarningShare = 0.2 }).ToList();
        var converter = new LegacyConverter();
        var seen = new HashSet<string>();
        foreach (var generated in cases.Where(c => c.ExpectedCode is not null))
        {
            var conversion = converter.Convert(generated.Row);
            var code = generated.ExpectedCode!;
            seen.Add(code);
            if (code == DiagnosticCodes.UnknownTemplate)
            {
                Assert.False(conversion.HasErrors);
                Assert.Contains(conversion.Sessions, s => !templates.Contains(s.SessionTemplateId));
            }
            else if (code == DiagnosticCodes.UnknownGoal)
            {
                Assert.False(conversion.HasErrors);
                Assert.Contains(conversion.BlockGoals, g => !goals.Contains(g.GoalId));
            }
            else
            {
                Assert.True(conversion.Diagnostics.Any(d => d.Code == code), $"{generated.Row.Id} should show {code}: {string.Join("; ", conversion.Diagnostics)}");
                Assert.Equal(generated.IsBroken, conversion.HasErrors);
            }
        }

        Assert.Empty(LegacyProgramGenerator.ErrorCodes.Concat(LegacyProgramGenerator.WarningCodes).Except(seen));
        // The generator spreads its error codes evenly (a row per step of floor((i + 1) * share)): 300 * 0.2 broken rows.
        Assert.Equal(60, cases.Count(c => c.IsBroken));
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_a_longer_run_extends_a_shorter_one()
    {
        var options = new LegacyGeneratorOptions { ErrorShare = 0.1, WarningShare = 0.1 };
        var first = new LegacyProgramGenerator(42).Generate(50, options).ToList();
        var again = new LegacyProgramGenerator(42).Generate(80, options).Take(50).ToList();
        var other = new LegacyProgramGenerator(43).Generate(50, options).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(r => r.WeeklySchedule), other.Select(r => r.WeeklySchedule));
    }

    [Fact]
    public void A_large_program_reaches_its_size_and_converts()
    {
        var row = new LegacyProgramGenerator(5).GenerateLarge("big", 2_000_000);

        // Blocks of 364 days, each a day entry a date, are added until the text reaches 2,000,000 characters: the
        // 25th passes it. Seed 5 gives these exact figures (the generator's own PRNG is the same on every runtime).
        Assert.Equal(2_034_906, row.WeeklySchedule!.Length);
        var conversion = new LegacyConverter().Convert(row);
        Assert.Empty(conversion.Diagnostics);
        Assert.Equal((25, 25 * 364, 8_992), (conversion.Blocks.Count, conversion.Days.Count, conversion.Sessions.Count));
    }
}

/// <summary>Diagnose gives what Convert gives, without the rows; one converter serves many threads.</summary>
public sealed class DiagnoseTests
{
    [Fact]
    public void Diagnose_gives_the_diagnostics_of_Convert_for_every_kind_of_row()
    {
        var converter = new LegacyConverter();
        foreach (var row in new LegacyProgramGenerator(11).Generate(200, new LegacyGeneratorOptions { ErrorShare = 0.3, WarningShare = 0.3 }))
        {
            Assert.Equal(converter.Convert(row).Diagnostics, converter.Diagnose(row));
        }
    }

    [Fact]
    public void One_converter_on_many_threads_gives_the_same_results_as_on_one()
    {
        var converter = new LegacyConverter();
        var rows = new LegacyProgramGenerator(12).Generate(200, new LegacyGeneratorOptions { ErrorShare = 0.1, WarningShare = 0.1 }).ToArray();
        var sequential = rows.Select(r => Fingerprint(converter.Convert(r))).ToArray();

        var parallel = new string[rows.Length];
        Parallel.For(0, rows.Length, i => parallel[i] = Fingerprint(converter.Convert(rows[i])));

        Assert.Equal(sequential, parallel);

        static string Fingerprint(ProgramConversion c) =>
            string.Join("|", c.Days.Select(d => d.Id).Concat(c.Sessions.Select(s => s.Id + s.SessionTemplateId)).Concat(c.Diagnostics.Select(d => d.Code + d.Path)));
    }
}

public sealed class ConverterOptionsTests
{
    [Fact]
    public void Limits_are_checked_and_copied_when_the_converter_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyConverter(new LegacyConverterOptions { MaxDepth = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyConverter(new LegacyConverterOptions { MaxBlockDays = -1 }));

        var options = new LegacyConverterOptions { MaxBlockDays = 10 };
        var converter = new LegacyConverter(options);
        options.MaxBlockDays = 100_000;
        var conversion = converter.Convert(LegacyTestRows.Row(LegacyTestRows.Block(string.Empty)));

        Assert.Equal(DiagnosticCodes.SpanTooLong, Assert.Single(conversion.Diagnostics).Code);
    }
}
