using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Planner.Model;

namespace Planner.Cli;

/// <summary>A database problem a person can fix (a bad connection string, a missing file, a server that says no).</summary>
internal sealed class ConnectionProblemException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Makes the tool's <see cref="PlannerDbContext"/> for <c>--database</c> and <c>--provider</c>.</summary>
internal static class DatabaseConnection
{
    /// <summary>Checks the connection string and the database, and returns a factory of contexts on it.</summary>
    /// <exception cref="ConnectionProblemException">The connection string is malformed, the file does not exist, or the server cannot be reached.</exception>
    public static Func<PlannerDbContext> Open(DatabaseProvider provider, string database)
    {
        var options = new DbContextOptionsBuilder<PlannerDbContext>();
        DbConnection probe;
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                var builder = new NpgsqlConnectionStringBuilder(database);
                options.UseNpgsql(builder.ConnectionString);
                probe = new NpgsqlConnection(builder.ConnectionString);
            }
            else
            {
                // A bare path is a file name; anything with '=' is a connection string.
                var builder = database.Contains('=', StringComparison.Ordinal)
                    ? new SqliteConnectionStringBuilder(database)
                    : new SqliteConnectionStringBuilder { DataSource = database };
                if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:" && !File.Exists(builder.DataSource))
                {
                    throw new ConnectionProblemException($"no SQLite database at '{Path.GetFullPath(builder.DataSource)}' (the migration works on an existing database).");
                }

                builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 60);
                options.UseSqlite(builder.ConnectionString);
                probe = new SqliteConnection(builder.ConnectionString);
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ConnectionProblemException($"the --database connection string is not valid for {provider.Name()}: {e.Message}", e);
        }

        using (probe)
        {
            try
            {
                probe.Open();
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException or TimeoutException or System.Net.Sockets.SocketException)
            {
                throw new ConnectionProblemException($"cannot connect to the {provider.Name()} database: {e.Message}", e);
            }
        }

        var built = options.Options;
        return () => new PlannerDbContext(built);
    }
}
