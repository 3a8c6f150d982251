using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Planner.Migration.Migrating;

/// <summary>
/// Writes converted rows in bulk, in the caller's transaction, on the context's own connection: the
/// fastest way each provider offers, behind one provider-agnostic call. Table and column names come
/// from the EF model, so a host's renamed tables hold.
/// </summary>
/// <remarks>
/// SQLite: one prepared INSERT per table, reused for every row, on SQLite's statement API
/// (<see cref="SqliteStatementWriter"/>) or, for a mapping that stores other value types, through ADO.NET. PostgreSQL: binary <c>COPY</c>.
/// Any other provider: EF Core's own <c>SaveChanges</c>. Internal.
/// </remarks>
internal abstract class RowWriter : IAsyncDisposable
{
    public static RowWriter For(DbContext context, PlannerTables tables)
    {
        if (tables.IsSqlite)
        {
            return SqliteStatementWriter.Supports(context, tables)
                ? new SqliteStatementWriter(context, tables)
                : AdoNetInsert(context, tables);
        }

        if (tables.IsPostgres && context.Database.GetDbConnection() is NpgsqlConnection)
        {
            return new BinaryCopyWriter(context, tables);
        }

        return new SaveChangesWriter(context);
    }

    /// <summary>SQLite's ADO.NET path (prepared <see cref="DbCommand"/>s), for mappings the statement path does not bind.</summary>
    public static RowWriter AdoNetInsert(DbContext context, PlannerTables tables) => new PreparedInsertWriter(context, tables);

    /// <summary>Writes every row of the given programs, in the transaction the context has open.</summary>
    public abstract Task WriteAsync(IReadOnlyList<ProgramRows> programs, CancellationToken cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The rows of one table across the given programs.</summary>
    protected static IEnumerable<object> RowsOf(ITableMap table, PlannerTables tables, IReadOnlyList<ProgramRows> programs)
    {
        foreach (var program in programs)
        {
            IEnumerable<object> rows = table == tables.Blocks ? program.Blocks
                : table == tables.Days ? program.Days
                : table == tables.Sessions ? program.Sessions
                : table == tables.ProgramGoals ? program.ProgramGoals
                : program.BlockGoals;
            foreach (var row in rows)
            {
                yield return row;
            }
        }
    }

    private sealed class PreparedInsertWriter(DbContext context, PlannerTables tables) : RowWriter
    {
        private readonly Dictionary<ITableMap, DbCommand> _commands = [];

        public override Task WriteAsync(IReadOnlyList<ProgramRows> programs, CancellationToken cancellationToken)
        {
            var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("Rows are written inside a transaction.");
            foreach (var table in tables.WrittenTables)
            {
                var command = Command(table, transaction);
                foreach (var row in RowsOf(table, tables, programs))
                {
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        command.Parameters[i].Value = table.Columns[i].ProviderValue(row) ?? DBNull.Value;
                    }

                    // Microsoft.Data.Sqlite's async methods run synchronously: the sync call saves a task per row.
                    cancellationToken.ThrowIfCancellationRequested();
                    command.ExecuteNonQuery();
                }
            }

            return Task.CompletedTask;
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            _commands.Clear();
            await base.DisposeAsync().ConfigureAwait(false);
        }

        private DbCommand Command(ITableMap table, DbTransaction transaction)
        {
            if (!_commands.TryGetValue(table, out var command))
            {
                command = transaction.Connection!.CreateCommand();
                command.CommandText = $"INSERT INTO {table.QuotedName} ({string.Join(", ", table.Columns.Select(c => c.QuotedName))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    command.Parameters.Add(table.Columns[i].TypeMapping.CreateParameter(command, "@p" + i, null, nullable: true));
                }

                command.Transaction = transaction;
                command.Prepare();
                _commands.Add(table, command);
            }

            command.Transaction = transaction;
            return command;
        }
    }

    private sealed class BinaryCopyWriter(DbContext context, PlannerTables tables) : RowWriter
    {
        public override async Task WriteAsync(IReadOnlyList<ProgramRows> programs, CancellationToken cancellationToken)
        {
            var connection = (NpgsqlConnection)context.Database.GetDbConnection();
            foreach (var table in tables.WrittenTables)
            {
                var copy = $"COPY {table.QuotedName} ({string.Join(", ", table.Columns.Select(c => c.QuotedName))}) FROM STDIN (FORMAT BINARY)";
                var types = table.Columns.Select(c => BaseType(c.StoreType)).ToArray();
                await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
                foreach (var row in RowsOf(table, tables, programs))
                {
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        await WriteValueAsync(importer, table.Columns[i].ProviderValue(row), types[i], cancellationToken).ConfigureAwait(false);
                    }
                }

                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        // "character varying(128)" is "character varying" to the driver: the length is the column's business.
        private static string BaseType(string storeType)
        {
            var paren = storeType.IndexOf('(', StringComparison.Ordinal);
            return paren < 0 ? storeType : storeType[..paren].TrimEnd();
        }

        private static Task WriteValueAsync(NpgsqlBinaryImporter importer, object? value, string type, CancellationToken cancellationToken) =>
            value switch
            {
                null => importer.WriteNullAsync(cancellationToken),
                string s => importer.WriteAsync(s, type, cancellationToken),
                int n => importer.WriteAsync(n, type, cancellationToken),
                long n => importer.WriteAsync(n, type, cancellationToken),
                short n => importer.WriteAsync(n, type, cancellationToken),
                bool b => importer.WriteAsync(b, type, cancellationToken),
                DateOnly d => importer.WriteAsync(d, type, cancellationToken),
                DateTime d => importer.WriteAsync(d, type, cancellationToken),
                decimal d => importer.WriteAsync(d, type, cancellationToken),
                Guid g => importer.WriteAsync(g, type, cancellationToken),
                _ => importer.WriteAsync(value, type, cancellationToken),
            };
    }

    private sealed class SaveChangesWriter(DbContext context) : RowWriter
    {
        public override async Task WriteAsync(IReadOnlyList<ProgramRows> programs, CancellationToken cancellationToken)
        {
            foreach (var program in programs)
            {
                // Entry by entry, not AddRange: the days' session collections must not be added twice.
                foreach (var row in program.Blocks.Cast<object>().Concat(program.Days).Concat(program.Sessions)
                    .Concat(program.ProgramGoals).Concat(program.BlockGoals))
                {
                    context.Entry(row).State = EntityState.Added;
                }
            }

            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                context.ChangeTracker.Clear();
            }
        }
    }
}
