using Microsoft.EntityFrameworkCore;

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
/// database again and a relative change (a shift by N days) is never applied twice; when the context
/// tracked entities before the call (the host's pending changes among them), a retry could not start
/// from where the call began, so the write gives up with <see cref="InvalidOperationException"/> instead.</para>
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
            return await InOwnTransactionAsync(context, write, cancellationToken).ConfigureAwait(false);
        }

        var trackedBefore = context.ChangeTracker.Entries().Any();
        var attempts = 0;
        return await strategy.ExecuteAsync(
            async ct =>
            {
                if (attempts++ > 0)
                {
                    StartAgain(context, trackedBefore);
                }

                return await InOwnTransactionAsync(context, write, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> InOwnTransactionAsync<T>(DbContext context, Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        var own = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (own.ConfigureAwait(false))
        {
            var result = await write(cancellationToken).ConfigureAwait(false);
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
                + "tracked entities from before the call, which the failed attempt may have changed. Nothing of the write "
                + "was committed. Make the call again on a new context (or one with an empty change tracker).");
        }

        context.ChangeTracker.Clear();
    }
}
