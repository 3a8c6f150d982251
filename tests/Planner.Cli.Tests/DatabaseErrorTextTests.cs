using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Planner.Cli.Tests;

/// <summary>The line a run-stopping database error prints: the innermost database error, not its wrappers.</summary>
public sealed class DatabaseErrorTextTests
{
    private const string Transient = "An exception has been raised that is likely due to a transient failure.";

    [Fact]
    public void A_PostgreSQL_error_inside_the_execution_strategy_wrapper_is_its_SQLSTATE_and_message()
    {
        var terminated = new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01");
        var wrapped = new InvalidOperationException(Transient, new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", terminated));

        Assert.Equal("57P01: terminating connection due to administrator command", DatabaseErrorText.Describe(wrapped));
        Assert.Equal("57P01: terminating connection due to administrator command", DatabaseErrorText.Describe(terminated));
    }

    [Fact]
    public void A_dropped_connection_without_a_server_message_is_the_drivers_message_and_its_IO_cause()
    {
        var dropped = new NpgsqlException("Exception while reading from stream", new EndOfStreamException("Attempted to read past the end of the stream."));

        Assert.Equal(
            "Exception while reading from stream (Attempted to read past the end of the stream.)",
            DatabaseErrorText.Describe(new InvalidOperationException(Transient, dropped)));
    }

    [Fact]
    public void A_SQLite_error_is_its_result_code_and_message()
    {
        var locked = new SqliteException("SQLite Error 5: 'database is locked'.", 5);
        var bare = new SqliteException("disk I/O error", 10);

        Assert.Equal("SQLite Error 5: 'database is locked'.", DatabaseErrorText.Describe(new DbUpdateException("See the inner exception.", locked)));
        Assert.Equal("SQLite error 10: disk I/O error", DatabaseErrorText.Describe(bare));
    }

    [Fact]
    public void Without_a_database_error_it_is_the_exceptions_message_on_one_line()
    {
        Assert.Equal("no space left on device", DatabaseErrorText.Describe(new IOException("no space\nleft on device")));
    }
}
