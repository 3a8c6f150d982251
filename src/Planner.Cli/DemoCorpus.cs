using Planner.Demo;
using Planner.Migration.Legacy;

namespace Planner.Cli;

/// <summary>The legacy data the demo (and the CLI's tests) start from: templates, goals and programs.</summary>
internal sealed record LegacyCorpus(IReadOnlyList<LegacyCatalogEntry> Templates, IReadOnlyList<LegacyCatalogEntry> Goals, IEnumerable<LegacyProgramRow> Programs);

/// <summary>
/// The demo's legacy programs, from the project's generator: every shape of <c>docs/legacy-format.md</c>,
/// a few of them broken, the same rows on every run.
/// </summary>
internal static class DemoCorpus
{
    /// <summary>The corpus: <paramref name="programs"/> programs, deterministic for a given <paramref name="seed"/>.</summary>
    public static LegacyCorpus Generate(int programs, int seed = 2024) => new(
        LegacyProgramGenerator.Templates,
        LegacyProgramGenerator.Goals,
        new LegacyProgramGenerator(seed).Generate(programs, new LegacyGeneratorOptions { ErrorShare = 0.05, WarningShare = 0.2 }));
}
