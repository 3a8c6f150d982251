using System.Data.Common;

namespace Planner.Migration.Migrating;

/// <summary>
/// Finds the database's own error in an exception's chain of causes. Internal.
/// </summary>
/// <remarks>
/// The error a database raised is seldom the exception a caller catches: EF Core wraps it in a
/// <c>DbUpdateException</c>, its execution strategy wraps that again ("An exception has been raised that is
/// likely due to a transient failure"), and a driver may wrap the server's error in one of its own (Npgsql's
/// <c>NpgsqlException</c> around a <c>PostgresException</c>). The innermost <see cref="DbException"/> is the one
/// that carries the SQLSTATE or SQLite result code, the same one <c>planner</c> prints for a run that stops.
/// </remarks>
internal static class InnermostDatabaseError
{
    /// <summary>The innermost <see cref="DbException"/> among <paramref name="exception"/> and its inner exceptions, or null when there is none.</summary>
    public static DbException? Of(Exception exception)
    {
        DbException? innermost = null;
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is DbException error)
            {
                innermost = error;
            }
        }

        return innermost;
    }
}
