using NodaTime;
using Planner.Migration.Legacy;

namespace Planner.Migration.Migrating;

/// <summary>How a <see cref="LegacyMigrator{TContext}"/> runs.</summary>
public sealed class LegacyMigrationOptions
{
    /// <summary>
    /// The programs written per transaction (100 by default): each program is atomic on its own, a batch
    /// only keeps transactions short and round trips few.
    /// </summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Converts and checks everything, writes nothing, and reports as a real run would.</summary>
    public bool DryRun { get; set; }

    /// <summary>The clock the ledger's <c>migrated_at</c> comes from (the system clock by default).</summary>
#pragma warning disable RS0030 // The migrator is an edge: the ledger's timestamp is metadata, and tests inject a fake clock.
    public IClock Clock { get; set; } = SystemClock.Instance;
#pragma warning restore RS0030

    /// <summary>
    /// How many times a program whose legacy text changed during its migration is converted again before it
    /// is reported as <see cref="MigrationCodes.SourceChanged"/> (3 by default).
    /// </summary>
    public int SourceChangeRetries { get; set; } = 3;

    /// <summary>The converter's limits; <see langword="null"/> for the defaults.</summary>
    public LegacyConverterOptions? Converter { get; set; }

    /// <summary>How long a SQLite batch waits for another writer's lock before the run stops with SQLite's "database is locked" (60 s). Tests shorten it.</summary>
    internal TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(60);

    internal void Validate()
    {
        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be at least 1.");
        }

        if (SourceChangeRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SourceChangeRetries), SourceChangeRetries, "The retries cannot be negative.");
        }

        ArgumentNullException.ThrowIfNull(Clock);
    }
}
