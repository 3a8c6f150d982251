using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Planner.Testing.Databases;

/// <summary>
/// A host whose context retries on failure, as Npgsql's and SQL Server's <c>EnableRetryOnFailure</c> do,
/// on any provider: a retrying execution strategy that treats <see cref="InjectedTransientException"/> as transient, and an
/// interceptor that throws it at the first <paramref name="failingCommits"/> commits: just before the
/// commit (the writes succeeded, EF Core accepted the changes, the database rolls back), or with
/// <paramref name="afterCommit"/> just after it (the database committed, the client sees a failure).
/// </summary>
public sealed class TransientFailures(int failingCommits, bool afterCommit = false) : DbTransactionInterceptor
{
    private int _left = failingCommits;

    /// <summary>How many commits were attempted, the failed ones included.</summary>
    public int Commits { get; private set; }

    /// <summary>Configures <paramref name="builder"/> (its provider already set) to retry and to fail.</summary>
    public DbContextOptionsBuilder<TContext> Apply<TContext>(DbContextOptionsBuilder<TContext> builder)
        where TContext : DbContext =>
        builder.ReplaceService<IExecutionStrategyFactory, RetryingStrategyFactory>().AddInterceptors(this);

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Commits++;
        FailBefore();
        return base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Commits++;
        FailBefore();
        return base.TransactionCommitting(transaction, eventData, result);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        FailAfter();
        return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        FailAfter();
        base.TransactionCommitted(transaction, eventData);
    }

    private void FailBefore()
    {
        if (!afterCommit && _left > 0)
        {
            _left--;
            throw new InjectedTransientException();
        }
    }

    // The commit went through and its acknowledgement was lost: the client cannot tell from the error.
    private void FailAfter()
    {
        if (afterCommit && _left > 0)
        {
            _left--;
            throw new InjectedTransientException();
        }
    }

    /// <summary>The transient failure: the connection dropped at commit.</summary>
    public sealed class InjectedTransientException() : Exception("A transient failure injected by the test at commit.");

    private sealed class RetryingStrategyFactory(ExecutionStrategyDependencies dependencies) : IExecutionStrategyFactory
    {
        public IExecutionStrategy Create() => new RetryingStrategy(dependencies);
    }

    private sealed class RetryingStrategy(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(5))
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is InjectedTransientException;
    }
}
