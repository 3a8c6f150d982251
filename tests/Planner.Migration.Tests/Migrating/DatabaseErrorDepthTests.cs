using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Planner.Migration.Migrating;

namespace Planner.Migration.Tests.Migrating;

/// <summary>
/// A database error is told apart by the innermost <see cref="System.Data.Common.DbException"/> of the chain, however
/// deep EF Core and the drivers bury it: a dropped PostgreSQL connection (57P01) comes wrapped in a
/// <see cref="DbUpdateException"/> inside the execution strategy's "transient failure" exception, and Npgsql may wrap
/// the server's error in an error of its own.
/// </summary>
public sealed class DatabaseErrorDepthTests
{
    private static PostgresException Postgres(string sqlState, string message) => new(message, "FATAL", "FATAL", sqlState);

    /// <summary>Wrapped as EF Core's execution strategy wraps a failed save: two levels above the database's error.</summary>
    private static InvalidOperationException Transient(Exception error) =>
        new("An exception has been raised that is likely due to a transient failure.", new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", error));

    [Fact]
    public void The_innermost_database_error_is_found_two_and_three_levels_deep()
    {
        var terminated = Postgres("57P01", "terminating connection due to administrator command");

        Assert.Same(terminated, InnermostDatabaseError.Of(Transient(terminated)));
        Assert.Same(terminated, InnermostDatabaseError.Of(new InvalidOperationException("outer", Transient(terminated))));
        Assert.Same(terminated, InnermostDatabaseError.Of(terminated));
        Assert.Null(InnermostDatabaseError.Of(new InvalidOperationException("outer", new TimeoutException("no database here"))));
    }

    [Fact]
    public void A_driver_error_around_the_servers_error_gives_the_servers()
    {
        var terminated = Postgres("57P01", "terminating connection due to administrator command");

        // The outer NpgsqlException has no SQLSTATE: only the server's error inside it says what happened.
        Assert.Same(terminated, InnermostDatabaseError.Of(new NpgsqlException("Exception while reading from stream", terminated)));
        Assert.True(DatabaseProblems.AnyProgram(Transient(new NpgsqlException("Exception while reading from stream", terminated))));
    }

    [Fact]
    public void A_dropped_postgres_connection_two_levels_deep_is_a_problem_of_the_database_not_of_a_program()
    {
        var error = Transient(Postgres("57P01", "terminating connection due to administrator command"));

        Assert.True(DatabaseProblems.AnyProgram(error));
        Assert.False(DatabaseProblems.DuplicateKey(error));
    }

    [Fact]
    public void A_postgres_unique_key_refusal_two_levels_deep_is_a_duplicate_key_of_one_program()
    {
        var error = Transient(Postgres("23505", "duplicate key value violates unique constraint \"pk_program_days\""));

        Assert.True(DatabaseProblems.DuplicateKey(error));
        Assert.False(DatabaseProblems.AnyProgram(error));
    }

    [Fact]
    public void A_postgres_check_violation_two_levels_deep_is_neither()
    {
        var error = Transient(Postgres("23514", "new row violates check constraint"));

        Assert.False(DatabaseProblems.AnyProgram(error));
        Assert.False(DatabaseProblems.DuplicateKey(error));
    }

    [Fact]
    public void Sqlite_errors_two_levels_deep_are_told_by_their_result_code()
    {
        var busy = Transient(new SqliteException("SQLite Error 5: 'database is locked'.", 5));
        var readOnly = Transient(new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8));
        var unique = Transient(new SqliteException("SQLite Error 19: 'UNIQUE constraint failed: program_days.id'.", 19));
        var check = Transient(new SqliteException("SQLite Error 19: 'CHECK constraint failed: ck_program_days_readiness'.", 19));

        Assert.True(DatabaseProblems.AnyProgram(busy));
        Assert.True(DatabaseProblems.AnyProgram(readOnly));
        Assert.False(DatabaseProblems.AnyProgram(unique));
        Assert.True(DatabaseProblems.DuplicateKey(unique));
        Assert.False(DatabaseProblems.DuplicateKey(check));
        Assert.False(DatabaseProblems.AnyProgram(check));
    }

    [Fact]
    public void No_database_error_in_the_chain_is_neither()
    {
        var error = new InvalidOperationException("outer", new DbUpdateException("save failed", new TimeoutException("no database here")));

        Assert.False(DatabaseProblems.AnyProgram(error));
        Assert.False(DatabaseProblems.DuplicateKey(error));
    }
}
