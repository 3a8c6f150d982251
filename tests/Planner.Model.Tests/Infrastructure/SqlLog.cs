using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Planner.Model.Tests.Infrastructure;

/// <summary>Keeps the text of every command EF Core sends, to show what ran in SQL.</summary>
public sealed class SqlLog : DbCommandInterceptor
{
    private readonly List<string> _commands = [];

    /// <summary>The commands sent so far, oldest first.</summary>
    public IReadOnlyList<string> Commands => _commands;

    /// <summary>The last command sent.</summary>
    public string Last => _commands.Count > 0 ? _commands[^1] : throw new InvalidOperationException("No command was sent.");

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _commands.Add(command.CommandText);
        return result;
    }
}
