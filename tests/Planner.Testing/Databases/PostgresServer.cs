using Npgsql;

namespace Planner.Testing.Databases;

/// <summary>
/// The PostgreSQL server the tests use, from <c>PLANNER_TEST_POSTGRES</c> (a connection string to its maintenance
/// database). The rule every PostgreSQL test follows: without the variable, or when the server does not answer,
/// the test reports itself skipped and says why; with <c>CI=true</c> the same problem fails it instead, so CI
/// never passes with the PostgreSQL half of the suite unrun.
/// </summary>
public static class PostgresServer
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string Variable = "PLANNER_TEST_POSTGRES";

    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>The server's connection string (to its maintenance database).</summary>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) ?? string.Empty;

    /// <summary>Why the server cannot be used, or null. In CI this throws instead of skipping.</summary>
    public static string? Unavailable()
    {
        var problem = Problem.Value;
        if (problem is not null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true and the PostgreSQL tests cannot run: {problem}");
        }

        return problem is null ? null : $"PostgreSQL tests skipped: {problem}";
    }

    /// <summary>Skips the calling test, saying why, when the server cannot be used; in CI this throws instead.</summary>
    public static void SkipIfUnavailable()
    {
        if (Unavailable() is { } problem)
        {
            Assert.Skip(problem);
        }
    }

    /// <summary>Runs one statement on the server's maintenance database.</summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops a test database and ends its connections. The planner role may not end a backend of another role: an
    /// autovacuum worker that started on the freshly written database makes <c>WITH (FORCE)</c> fail with 42501
    /// (seen on a busy server), so the drop is tried again while that worker finishes.
    /// </summary>
    public static async Task DropDatabaseAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
            }
        }
    }

    private static string? Probe()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return $"set {Variable} to a server's connection string (README, 'PostgreSQL tests').";
        }

        try
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return $"cannot connect with {Variable}: {e.Message}";
        }
    }
}
