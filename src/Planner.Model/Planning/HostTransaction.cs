using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Planner.Model.Planning;

/// <summary>
/// Runs a write in the host's transaction when one is open, or its ambient <c>TransactionScope</c> (the
/// host commits it), and otherwise in one of its own, committed when the write returns and rolled back
/// when it throws. Internal.
/// </summary>
/// <remarks>
/// <para>A provider that is not relational (EF Core InMemory, for a host's unit tests) has no
/// transactions, and InMemory turns a begun one into an error by default: there the write runs as it
/// is, and a write that throws after a save keeps what it saved.</para>
/// <para>
/// A context whose execution strategy retries on failure (Npgsql's or SQL Server's
/// <c>EnableRetryOnFailure</c>) refuses transactions opened outside the strategy, so the write runs as
/// one retriable unit through it. A retry starts from an empty change tracker, so the write reads the
/// database again and a relative change (a shift by N days) is not applied twice; when the context
/// tracked entities before the call (the host's pending changes among them), a retry could not start
/// from where the call began, so the write gives up with <see cref="InvalidOperationException"/> instead.
/// A failure reported by the commit itself may come after the database committed: before retrying, the
/// write checks whether the day and session rows it added, deleted or re-stamped are in the database
/// as it saved them, and if so returns its result without a retry. A write that changed no such row
/// (only a program's dates) cannot be checked and is retried.</para>
/// </remarks>
internal static class HostTransaction
{
    public static async Task<T> RunAsync<T>(DbContext context, Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        if (!context.Database.IsRelational())
        {
            return await write(cancellationToken).ConfigureAwait(false);
        }

        if (context.Database.CurrentTransaction is not null || System.Transactions.Transaction.Current is not null)
        {
            // The host's transaction, or its ambient TransactionScope (EF Core refuses a transaction of ours
            // inside one): the host commits.
            return await write(cancellationToken).ConfigureAwait(false);
        }

        var strategy = context.Database.CreateExecutionStrategy();
        if (!strategy.RetriesOnFailure)
        {
            return await InOwnTransactionAsync(context, write, null, cancellationToken).ConfigureAwait(false);
        }

        var trackedBefore = context.ChangeTracker.Entries().Any();
        var attempt = new Attempt<T>();
        context.SavingChanges += attempt.Capture;
        try
        {
            return await strategy.ExecuteAsync(
                attempt,
                async (_, current, ct) =>
                {
                    if (current.Number++ > 0)
                    {
                        StartAgain(context, trackedBefore);
                    }

                    current.Reset();
                    return await InOwnTransactionAsync(context, write, current, ct).ConfigureAwait(false);
                },
                async (_, current, ct) => current.Committing && await current.SavedAsync(context, ct).ConfigureAwait(false)
                    ? new ExecutionResult<T>(true, current.Result!)
                    : new ExecutionResult<T>(false, default!),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            context.SavingChanges -= attempt.Capture;
        }
    }

    private static async Task<T> InOwnTransactionAsync<T>(DbContext context, Func<CancellationToken, Task<T>> write, Attempt<T>? attempt, CancellationToken cancellationToken)
    {
        var own = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (own.ConfigureAwait(false))
        {
            var result = await write(cancellationToken).ConfigureAwait(false);
            if (attempt is not null)
            {
                attempt.Result = result;
                attempt.Committing = true;
            }

            await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    /// <summary>
    /// Before a retry: the failed attempt's entities leave the change tracker, so the write reads the
    /// database again. Entities the host tracked before the call may hold what the failed attempt did to
    /// them (values, children added to their collections), which cannot be undone reliably: then no retry.
    /// </summary>
    private static void StartAgain(DbContext context, bool trackedBefore)
    {
        if (trackedBefore)
        {
            throw new InvalidOperationException(
                "A transient database failure interrupted a planning write, and it was not retried because the context "
                + "tracked entities from before the call, which the failed attempt may have changed. The write did not "
                + "complete: make the call again on a new context (or one with an empty change tracker).");
        }

        context.ChangeTracker.Clear();
    }

    /// <summary>
    /// One attempt of a retriable write: its result, whether its commit began, and the day and session rows
    /// its saves changed in a way the database can confirm (added, deleted, or given a new stamp), so that a
    /// failure reported by the commit itself, which may have committed, is checked before any retry: a
    /// relative change applied twice, or a program started twice, would be wrong.
    /// </summary>
    private sealed class Attempt<T>
    {
        private readonly Dictionary<(bool IsDay, string Id), string?> _rows = [];

        public int Number { get; set; }

        public T? Result { get; set; }

        public bool Committing { get; set; }

        public void Reset()
        {
            _rows.Clear();
            Result = default;
            Committing = false;
        }

        /// <summary>Notes, at each save, the rows whose saved state the database can confirm.</summary>
        public void Capture(object? sender, SavingChangesEventArgs e)
        {
            var tracker = ((DbContext)sender!).ChangeTracker;
            foreach (var entry in tracker.Entries())
            {
                var (isDay, id, stamp) = entry.Entity switch
                {
                    ProgramDay day => (true, day.Id, day.ConcurrencyStamp),
                    ScheduledSession session => (false, session.Id, session.ConcurrencyStamp),
                    _ => (false, (string?)null, (string?)null),
                };
                if (id is null)
                {
                    continue;
                }

                var stampChanged = entry.State == EntityState.Modified
                    && !string.Equals((string?)entry.Property(nameof(ProgramDay.ConcurrencyStamp)).OriginalValue, stamp, StringComparison.Ordinal);
                if (entry.State == EntityState.Added || stampChanged)
                {
                    _rows[(isDay, id)] = stamp;
                }
                else if (entry.State == EntityState.Deleted)
                {
                    _rows[(isDay, id)] = null;
                }
            }
        }

        /// <summary>Whether the database holds what the attempt saved; false when the attempt saved nothing it can confirm.</summary>
        public async Task<bool> SavedAsync(DbContext context, CancellationToken cancellationToken)
        {
            if (_rows.Count == 0)
            {
                return false;
            }

            try
            {
                var dayIds = _rows.Keys.Where(k => k.IsDay).Select(k => k.Id).ToList();
                var sessionIds = _rows.Keys.Where(k => !k.IsDay).Select(k => k.Id).ToList();
                var stored = new Dictionary<(bool, string), string>();
                foreach (var chunk in dayIds.Chunk(500))
                {
                    foreach (var row in await context.Set<ProgramDay>().AsNoTracking().Where(d => chunk.Contains(d.Id))
                        .Select(d => new { d.Id, d.ConcurrencyStamp }).ToListAsync(cancellationToken).ConfigureAwait(false))
                    {
                        stored[(true, row.Id)] = row.ConcurrencyStamp;
                    }
                }

                foreach (var chunk in sessionIds.Chunk(500))
                {
                    foreach (var row in await context.Set<ScheduledSession>().AsNoTracking().Where(s => chunk.Contains(s.Id))
                        .Select(s => new { s.Id, s.ConcurrencyStamp }).ToListAsync(cancellationToken).ConfigureAwait(false))
                    {
                        stored[(false, row.Id)] = row.ConcurrencyStamp;
                    }
                }

                return _rows.All(r => r.Value is null
                    ? !stored.ContainsKey(r.Key)
                    : stored.TryGetValue(r.Key, out var stamp) && string.Equals(stamp, r.Value, StringComparison.Ordinal));
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                return false; // the database cannot say yet: retry, as without a check
            }
        }
    }
}
