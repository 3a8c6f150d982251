using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Planner.Migration.Migrating;

/// <summary>
/// Tells a database's refusal of one program's rows (a constraint, a value it cannot hold, a deadlock with
/// another writer: the next program may well go in) from a problem of the database itself, which every
/// program would meet. Internal.
/// </summary>
internal static class DatabaseProblems
{
    // SQLite's primary result codes: PERM, BUSY, LOCKED, NOMEM, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB.
    private static readonly int[] SqliteCodes = [3, 5, 6, 7, 8, 10, 11, 13, 14, 26];

    // PostgreSQL SQLSTATE classes: connection exception, insufficient resources, operator intervention,
    // system error; and read-only transaction, insufficient privilege.
    private static readonly string[] PostgresClasses = ["08", "53", "57", "58"];
    private static readonly string[] PostgresStates = ["25006", "42501"];

    /// <summary>
    /// Whether the database error in <paramref name="exception"/> (its innermost <see cref="DbException"/>, however
    /// deep: <see cref="InnermostDatabaseError"/>) is one that any program would meet.
    /// </summary>
    public static bool AnyProgram(Exception exception)
    {
        var error = InnermostDatabaseError.Of(exception);
        if (error is null)
        {
            return false;
        }

        if (SqliteCode(error) is { } code)
        {
            return SqliteCodes.Contains(code & 0xFF);
        }

        return error.SqlState is { Length: 5 } state
            && (PostgresClasses.Contains(state[..2], StringComparer.Ordinal) || PostgresStates.Contains(state, StringComparer.Ordinal));
    }

    /// <summary>
    /// Whether the database error in <paramref name="exception"/> (its innermost <see cref="DbException"/>) is a
    /// unique key's refusal (SQLite's <c>UNIQUE constraint failed</c>, PostgreSQL's 23505): a row's id, or its
    /// (block, date) or (day, position), is already taken.
    /// </summary>
    public static bool DuplicateKey(Exception exception)
    {
        var error = InnermostDatabaseError.Of(exception);
        if (error is null)
        {
            return false;
        }

        if (SqliteCode(error) is { } code)
        {
            return (code & 0xFF) == 19 && error.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal);
        }

        return error.SqlState == "23505";
    }

    /// <summary>
    /// SQLite's result code of a <see cref="SqliteException"/> (its <c>SqliteErrorCode</c>), or null for another
    /// exception. Not its <c>ErrorCode</c>: that is the HRESULT E_FAIL (0x80004005) for every SQLite error, whose
    /// low byte, 5, reads as SQLITE_BUSY.
    /// </summary>
    private static int? SqliteCode(DbException error) => error is SqliteException sqlite ? sqlite.SqliteErrorCode : null;
}
