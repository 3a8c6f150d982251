using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Planner.Cli;

/// <summary>
/// The one line the CLI prints for a problem that stops a run: the innermost database error's own words, not
/// the wrappers around it (EF Core's execution strategy wraps a dropped PostgreSQL connection in "An exception
/// has been raised that is likely due to a transient failure."; DbUpdateException says "see the inner exception").
/// </summary>
internal static class DatabaseErrorText
{
    /// <summary>
    /// PostgreSQL: <c>SQLSTATE: message</c> (<c>57P01: terminating connection due to administrator command</c>).
    /// SQLite: <c>SQLite error N: message</c>. Another database error: its message (and the I/O error under it, if
    /// any). No database error in the chain: <paramref name="exception"/>'s own message. Always one line.
    /// </summary>
    public static string Describe(Exception exception)
    {
        DbException? innermost = null;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db)
            {
                innermost = db;
            }
        }

        var text = innermost switch
        {
            PostgresException pg => $"{pg.SqlState}: {pg.MessageText}",
            SqliteException sqlite => sqlite.Message.Contains($"SQLite Error {sqlite.SqliteErrorCode}", StringComparison.OrdinalIgnoreCase)
                ? sqlite.Message
                : $"SQLite error {sqlite.SqliteErrorCode}: {sqlite.Message}",
            { InnerException: { } cause } => $"{innermost.Message} ({cause.Message})",
            not null => innermost.Message,
            null => exception.Message,
        };
        return text.ReplaceLineEndings(" ");
    }
}
