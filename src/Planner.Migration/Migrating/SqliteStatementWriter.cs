using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Planner.Migration.Migrating;

/// <summary>
/// SQLite's bulk path: one INSERT per table, prepared once on SQLite's own statement API (SQLitePCLRaw, which
/// Microsoft.Data.Sqlite is built on) and stepped for every row, each value bound by position, text as UTF-8
/// from one reused buffer. The values stored are the ones Microsoft.Data.Sqlite would store for the same
/// parameters; what it adds per execution (finding each parameter by name, a new UTF-8 array per string, its
/// command and reader objects) is most of a prepared ADO.NET INSERT's time.
/// </summary>
/// <remarks>
/// Used when every written column's provider value is text, a date, an integer or a boolean (the planner's
/// mapping is); a host mapping that stores another type gets <see cref="RowWriter"/>'s ADO.NET path instead. Errors
/// are Microsoft.Data.Sqlite's own <see cref="SqliteException"/>, as from a command.
/// </remarks>
internal sealed class SqliteStatementWriter(DbContext context, PlannerTables tables) : RowWriter
{
    private static readonly Type[] BindableTypes = [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(DateOnly)];

    private readonly Dictionary<ITableMap, sqlite3_stmt> _statements = [];
    private sqlite3? _preparedOn;
    private byte[] _utf8 = new byte[1024];

    /// <summary>Whether this writer can write the tables of <paramref name="tables"/> on <paramref name="context"/>'s connection.</summary>
    public static bool Supports(DbContext context, PlannerTables tables) =>
        context.Database.GetDbConnection() is SqliteConnection
        && tables.WrittenTables.All(t => t.Columns.All(c => BindableTypes.Contains(c.ProviderClrType)));

    public override Task WriteAsync(IReadOnlyList<ProgramRows> programs, CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Rows are written inside a transaction.");
        }

        var handle = ((SqliteConnection)context.Database.GetDbConnection()).Handle
            ?? throw new InvalidOperationException("The connection is not open.");
        if (!ReferenceEquals(handle, _preparedOn))
        {
            // Statements belong to one open connection: prepared again if the connection was opened again.
            FinalizeStatements();
            _preparedOn = handle;
        }

        foreach (var table in tables.WrittenTables)
        {
            var statement = Statement(table, handle);
            var columns = table.Columns;
            foreach (var row in RowsOf(table, tables, programs))
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < columns.Count; i++)
                {
                    Check(Bind(statement, i + 1, columns[i].ProviderValue(row)), handle);
                }

                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    raw.sqlite3_reset(statement);
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }

                raw.sqlite3_reset(statement);
            }
        }

        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        FinalizeStatements();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private static void Check(int rc, sqlite3 handle)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private int Bind(sqlite3_stmt statement, int index, object? value)
    {
        switch (value)
        {
            case null:
                return raw.sqlite3_bind_null(statement, index);
            case string { Length: 0 } empty:
                // An empty span would be bound as a null pointer, which SQLite takes for NULL; the string overload binds ''.
                return raw.sqlite3_bind_text(statement, index, empty);
            case string text:
                var length = Encoding.UTF8.GetMaxByteCount(text.Length);
                if (_utf8.Length < length)
                {
                    _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
                }

                var written = Encoding.UTF8.GetBytes(text, _utf8);
                return raw.sqlite3_bind_text(statement, index, _utf8.AsSpan(0, written));
            case DateOnly date:
                // As Microsoft.Data.Sqlite binds a DateOnly: ISO text.
                return date.TryFormat(_utf8, out var dateLength, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture)
                    ? raw.sqlite3_bind_text(statement, index, _utf8.AsSpan(0, dateLength))
                    : throw new InvalidOperationException($"The date {date} cannot be formatted.");
            case bool flag:
                return raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0);
            case int number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case long number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case short number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case byte number:
                return raw.sqlite3_bind_int64(statement, index, number);
            default:
                throw new InvalidOperationException($"A value of type {value.GetType().Name} cannot be bound here.");
        }
    }

    private sqlite3_stmt Statement(ITableMap table, sqlite3 handle)
    {
        if (!_statements.TryGetValue(table, out var statement))
        {
            var sql = $"INSERT INTO {table.QuotedName} ({string.Join(", ", table.Columns.Select(c => c.QuotedName))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1)))})";
            Check(raw.sqlite3_prepare_v2(handle, sql, out statement), handle);
            _statements.Add(table, statement);
        }

        return statement;
    }

    private void FinalizeStatements()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        _preparedOn = null;
    }
}
