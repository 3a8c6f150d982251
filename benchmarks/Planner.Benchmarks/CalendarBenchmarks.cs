using System.Data.Common;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Planner.Model;
using Planner.Model.Planning;

namespace Planner.Benchmarks;

/// <summary>
/// Does the calendar read (a 7-day window of a one-year program, with sessions and templates) cost
/// close to hand-written SQL? Both run through the same open connection and build the same records.
/// SQLite always; PostgreSQL when <c>PLANNER_TEST_POSTGRES</c> names a server (skipped with a message otherwise).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CalendarBenchmarks
{
    private const string Variable = "PLANNER_TEST_POSTGRES";
    private static readonly LocalDate Start = new(2024, 1, 1);
    private static readonly LocalDate From = new(2024, 6, 3);
    private static readonly LocalDate To = From.PlusDays(6);

    private const string Sql = """
        SELECT d.id, d.block_id, d.date, d.name, d.notes, d.readiness, d.concurrency_stamp,
               s.id, s.position, s.slot, s.notes, s.is_completed, s.completion_data, s.concurrency_stamp, s.session_template_id, t.name
        FROM program_days d
        JOIN program_blocks b ON b.id = d.block_id
        LEFT JOIN scheduled_sessions s ON s.day_id = d.id
        LEFT JOIN session_templates t ON t.id = s.session_template_id
        WHERE b.program_id = @program AND d.date >= @from AND d.date <= @to
        ORDER BY d.date, b.position, d.id, s.position
        """;

    private readonly string _programId = "bench-program";
    private BenchContext _context = null!;
    private PlanningService _planner = null!;
    private string? _sqlitePath;
    private string? _postgresDatabase;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers()
    {
        yield return "sqlite";
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Console.WriteLine($"CalendarBenchmarks: PostgreSQL case skipped: set {Variable} to a server's connection string.");
        }
        else
        {
            yield return "postgres";
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        var builder = new DbContextOptionsBuilder<BenchContext>();
        if (Provider == "sqlite")
        {
            _sqlitePath = Path.Combine(Path.GetTempPath(), $"planner-bench-{Guid.NewGuid():N}.db");
            builder.UseSqlite(new SqliteConnectionStringBuilder { DataSource = _sqlitePath }.ToString());
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(Variable)!;
            _postgresDatabase = $"planner_bench_{Guid.NewGuid():N}";
            Execute(server, $"CREATE DATABASE \"{_postgresDatabase}\"");
            builder.UseNpgsql(new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ToString());
        }

        _context = new BenchContext(builder.Options);
        _context.Database.EnsureCreated();
        CalendarPlan.Seed(_context, _programId, Start);
        _context.ChangeTracker.Clear();

        // One open connection for the whole run, shared by EF Core and the raw commands.
        _context.Database.OpenConnection();
        _planner = new PlanningService(_context, SystemClock.Instance);
        var api = PlanningApi().GetAwaiter().GetResult();
        var raw = RawSql().GetAwaiter().GetResult();
        if (api.Days.Count != 7 || api.Days.Sum(d => d.Sessions.Count) != raw.Days.Sum(d => d.Sessions.Count) || api.Days.SequenceEqual(raw.Days, new SameDay()) is false)
        {
            throw new InvalidOperationException("The API and the raw SQL disagree about the window.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _context.Database.CloseConnection();
        _context.Dispose();
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_sqlitePath);
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute(Environment.GetEnvironmentVariable(Variable)!, $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
        }
    }

    /// <summary>
    /// The same SQL as EF Core generates, written by hand: a command per call on the shared open
    /// connection, as hand-written ADO.NET code in a web request does (a prepared command cannot outlive
    /// its connection, and EF Core does not prepare either).
    /// </summary>
    [Benchmark(Baseline = true)]
    public async Task<CalendarWindow> RawSql()
    {
        await using var command = _context.Database.GetDbConnection().CreateCommand();
        command.CommandText = Sql;
        AddParameter(command, "program", _programId);
        AddParameter(command, "from", From.ToDateOnly());
        AddParameter(command, "to", To.ToDateOnly());
        var days = new List<CalendarDay>();
        await using var reader = await command.ExecuteReaderAsync();
        string? dayId = null;
        List<CalendarSession> sessions = [];
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            if (id != dayId)
            {
                dayId = id;
                sessions = [];
                days.Add(new CalendarDay(
                    id, reader.GetString(1), LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(2)),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetString(6), sessions));
            }

            if (!reader.IsDBNull(7))
            {
                sessions.Add(new CalendarSession(
                    reader.GetString(7), reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                    reader.GetBoolean(11), reader.IsDBNull(12) ? null : SessionCompletion.Parse(reader.GetString(12)), reader.GetString(13), reader.GetString(14), reader.GetString(15)));
            }
        }

        return new CalendarWindow(From, To, days);
    }

    [Benchmark]
    public Task<CalendarWindow> PlanningApi() => _planner.CalendarAsync(_programId, From, To);

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private sealed class SameDay : IEqualityComparer<CalendarDay>
    {
        public bool Equals(CalendarDay? x, CalendarDay? y) =>
            x is not null && y is not null && x with { Sessions = [] } == y with { Sessions = [] } && x.Sessions.SequenceEqual(y.Sessions);

        public int GetHashCode(CalendarDay obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    public sealed class BenchContext(DbContextOptions<BenchContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyPlannerModel();
    }
}
