using CsCheck;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Planner.Demo;
using Planner.Migration.Legacy;
using Planner.Migration.Migrating;
using Planner.Model;

namespace Planner.Migration.Tests.Migrating;

/// <summary>
/// SQLite's bulk path binds rows on SQLite's statement API; its oracle is the ADO.NET path it replaced
/// (Microsoft.Data.Sqlite's prepared commands with EF Core's parameters): the same rows, written both ways
/// into two files, must be stored alike, each value's type and bytes (<c>typeof</c>, <c>quote</c>).
/// </summary>
public sealed class SqliteStatementWriterTests : IDisposable
{
    private static readonly LegacyGeneratorOptions Rows = new() { MaxBlocks = 3, MaxBlockWeeks = 3 };
    private readonly List<string> _files = [];

    [Fact]
    public void The_planner_mapping_takes_the_statement_path()
    {
        using var context = Context(File());
        Assert.IsType<SqliteStatementWriter>(RowWriter.For(context, PlannerTables.For(context)));
    }

    [Fact]
    public void A_mapping_that_stores_another_type_takes_the_ado_net_path_and_still_writes_its_rows()
    {
        var path = File();
        using (var context = new RealReadiness(Options<RealReadiness>(path)))
        {
            var tables = PlannerTables.For(context);
            Assert.IsNotType<SqliteStatementWriter>(RowWriter.For(context, tables));
            context.Database.EnsureCreated();
            var rows = ProgramRows.From(new LegacyConverter().Convert(new LegacyProgramGenerator(5).Generate(1, Rows).Single()));
            Write(context, tables, rows, RowWriter.For(context, tables));
        }

        using var connection = Open(path);
        Assert.NotEqual(0L, Scalar(connection, "SELECT COUNT(*) FROM program_days"));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM program_days WHERE readiness IS NOT NULL AND typeof(readiness) <> 'real'"));
    }

    [Fact]
    public void Both_paths_store_every_value_alike_whatever_its_characters()
    {
        var texts = Gen.OneOf(Gen.String, Gen.Const(string.Empty), Gen.Const("a\0b"), Gen.Const("😀 é\u2028"), Gen.Const((string)null!));
        Gen.Select(Gen.Int[0, 10_000], texts, texts, texts).Sample((seed, name, notes, slot) =>
        {
            var conversion = new LegacyConverter().Convert(new LegacyProgramGenerator(seed).Generate(1, Rows).Single());
            if (conversion.HasErrors || conversion.Sessions.Count == 0)
            {
                return;
            }

            conversion.Days[0].Name = name;
            conversion.Days[^1].Notes = notes;
            conversion.Sessions[0].Slot = slot;
            conversion.Sessions[^1].Notes = notes;
            conversion.Blocks[0].Color = name;
            var rows = ProgramRows.From(conversion);

            Assert.Equal(Stored(rows, (c, t) => RowWriter.AdoNetInsert(c, t)), Stored(rows, (c, t) => new SqliteStatementWriter(c, t)));
        }, iter: 40);
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            System.IO.File.Delete(file);
        }
    }

    private List<string> Stored(ProgramRows rows, Func<DbContext, PlannerTables, RowWriter> writer)
    {
        var path = File();
        using (var context = Context(path))
        {
            context.Database.EnsureCreated();
            var tables = PlannerTables.For(context);
            Write(context, tables, rows, writer(context, tables));
        }

        using var connection = Open(path);
        var stored = new List<string>();
        foreach (var table in new[] { "program_blocks", "program_days", "scheduled_sessions", "program_goals", "block_goals" })
        {
            var columns = new List<string>();
            using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
                using var reader = info.ExecuteReader();
                while (reader.Read())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT {string.Join(" || ' ' || ", columns.Select(c => $"typeof(\"{c}\") || ':' || quote(\"{c}\")"))} FROM {table} ORDER BY rowid";
            using var rowsReader = select.ExecuteReader();
            while (rowsReader.Read())
            {
                stored.Add(table + " " + rowsReader.GetString(0));
            }
        }

        return stored;
    }

    private static void Write(DbContext context, PlannerTables tables, ProgramRows rows, RowWriter writer)
    {
        context.Database.OpenConnection();
        using var transaction = context.Database.BeginTransaction();
        writer.WriteAsync([rows], TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        transaction.Commit();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private string File()
    {
        var path = Path.Combine(Path.GetTempPath(), $"planner-writer-{Guid.NewGuid():N}.db");
        _files.Add(path);
        return path;
    }

    // No foreign keys: the rows are written without their programs and templates, which these tests are not about.
    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = false }.ToString();

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        return connection;
    }

    private static PlannerDbContext Context(string path) => new(Options<PlannerDbContext>(path));

    private static DbContextOptions<T> Options<T>(string path)
        where T : DbContext => new DbContextOptionsBuilder<T>().UseSqlite(ConnectionString(path)).Options;

    /// <summary>A host mapping that stores a day's readiness as a real number.</summary>
    private sealed class RealReadiness(DbContextOptions<RealReadiness> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyPlannerModel();
            modelBuilder.Entity<ProgramDay>().Property(d => d.Readiness).HasConversion<double?>();
        }
    }
}
