using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Planner.Model.Tests.Infrastructure;

/// <summary>
/// A host whose context retries on failure, as Npgsql's and SQL Server's <c>EnableRetryOnFailure</c> do,
/// on any provider: a retrying execution strategy that treats <see cref="InjectedTransientException"/> as transient, and an
/// interceptor that throws it at the first <paramref name="failingCommits"/> commits (after the writes of
/// the transaction succeeded, the worst moment: EF Core has accepted the changes, the database rolls back).
/// </summary>
public sealed class TransientFailures(int failingCommits) : DbTransactionInterceptor
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
        if (_left > 0)
        {
            _left--;
            throw new InjectedTransientException();
        }

        return base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Commits++;
        if (_left > 0)
        {
            _left--;
            throw new InjectedTransientException();
        }

        return base.TransactionCommitting(transaction, eventData, result);
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
