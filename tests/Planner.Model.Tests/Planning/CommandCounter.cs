using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Planner.Model.Tests.Planning;

/// <summary>Counts the SQL commands EF Core sends, so tests can assert a read's round trips.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    /// <summary>The commands sent since the last <see cref="Reset"/>.</summary>
    public int Count => _count;

    /// <summary>The text of every command sent since the last <see cref="Reset"/>.</summary>
    public List<string> Commands { get; } = [];

    public void Reset()
    {
        _count = 0;
        Commands.Clear();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count1(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count1(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count1(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count1(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count1(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count1(command);
        return ValueTask.FromResult(result);
    }

    private void Count1(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        lock (Commands)
        {
            Commands.Add(command.CommandText);
        }
    }
}
