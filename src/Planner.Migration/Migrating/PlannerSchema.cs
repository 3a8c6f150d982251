using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Planner.Migration.Migrating;

/// <summary>What Phase 1 created.</summary>
/// <param name="CreatedTables">The tables created, in creation order (empty when everything was there).</param>
/// <param name="CreatedIndexes">The indexes created, on the new tables and on planner tables that lacked one.</param>
public sealed record SchemaChanges(IReadOnlyList<string> CreatedTables, IReadOnlyList<string> CreatedIndexes)
{
    /// <summary>Whether Phase 1 found everything in place and did nothing.</summary>
    public bool IsEmpty => CreatedTables.Count == 0 && CreatedIndexes.Count == 0;

    /// <summary>The created tables and indexes by name, for a log line.</summary>
    /// <returns>Such as <c>tables: program_blocks, program_days; indexes: none</c>.</returns>
    public override string ToString() =>
        $"tables: {(CreatedTables.Count == 0 ? "none" : string.Join(", ", CreatedTables))}; indexes: {(CreatedIndexes.Count == 0 ? "none" : string.Join(", ", CreatedIndexes))}";
}

/// <summary>
/// Phase 1: creates the planner's tables, constraints and indexes that a database lacks, from the
/// context's own EF model, so it is the provider's DDL for the host's mapping (renamed tables, schema).
/// A host's own tables in the same model are never created: they belong to the host's migrations.
/// </summary>
/// <remarks>
/// <para>
/// EF's model differ compares "no model" with the context's model and yields the operations that would
/// create the whole schema; only those for the planner's own tables (blocks, days, sessions, goal links)
/// that do not exist yet are kept, so the legacy tables (<c>programs</c>, <c>session_templates</c>,
/// <c>goals</c>) and the host's own tables are never touched, and the provider's
/// own migrations SQL generator writes the rest. Everything runs in one transaction (DDL is
/// transactional on SQLite and PostgreSQL), after a lock that makes two migrators take turns.
/// </para>
/// <para>Internal: hosts reach it through <see cref="LegacyMigrator{TContext}.CreateSchemaAsync"/>.</para>
/// </remarks>
internal static class PlannerSchema
{
    /// <summary>The advisory lock key the migrator takes on PostgreSQL while it changes the schema or writes.</summary>
    internal const long PostgresLockKey = 0x706C616E6E6572; // "planner"

    public static async Task<SchemaChanges> EnsureCreatedAsync(DbContext context, CancellationToken cancellationToken)
    {
        // Through the context's execution strategy: a host's retrying one (EnableRetryOnFailure) refuses a
        // transaction opened outside it, and a retry starts over, reading what exists again.
        var strategy = context.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(ct => CreateMissingAsync(context, ct), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<SchemaChanges> CreateMissingAsync(DbContext context, CancellationToken cancellationToken)
    {
        var tables = PlannerTables.For(context);
        var designModel = context.GetService<IDesignTimeModel>().Model;
        var differ = context.GetService<IMigrationsModelDiffer>();
        var wanted = differ.GetDifferences(null, designModel.GetRelationalModel());

        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var dbTransaction = transaction.GetDbTransaction();
            var connection = dbTransaction.Connection!;
            if (tables.IsPostgres)
            {
                await ExecuteAsync(connection, dbTransaction, $"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken).ConfigureAwait(false);
            }

            var existingTables = await ExistingTablesAsync(tables, connection, dbTransaction, cancellationToken).ConfigureAwait(false);
            if (!existingTables.Contains(tables.Programs.Name))
            {
                throw new InvalidOperationException(
                    $"The database has no '{tables.Programs.Name}' table: Phase 1 adds the planner's tables beside the legacy ones, is this the right database?");
            }

            var existingIndexes = await ExistingIndexesAsync(tables, connection, dbTransaction, cancellationToken).ConfigureAwait(false);

            // Only the planner's own tables: the legacy ones exist already, and a host's own entities (its
            // athletes, say) are its migrations' business; creating them here would make those fail later.
            var plannerTables = tables.WrittenTables.Select(t => (t.Schema, t.Name)).ToHashSet();

            var createdTables = new List<string>();
            var createdIndexes = new List<string>();
            var operations = new List<MigrationOperation>();
            var newTables = new HashSet<(string?, string)>();
            foreach (var operation in wanted)
            {
                switch (operation)
                {
                    case CreateTableOperation create when plannerTables.Contains((create.Schema, create.Name)) && !existingTables.Contains(create.Name):
                        operations.Add(create);
                        newTables.Add((create.Schema, create.Name));
                        createdTables.Add(create.Name);
                        break;
                    case CreateIndexOperation index when plannerTables.Contains((index.Schema, index.Table))
                        && (newTables.Contains((index.Schema, index.Table)) || !existingIndexes.Contains(index.Name)):
                        operations.Add(index);
                        createdIndexes.Add(index.Name);
                        break;
                    case AddForeignKeyOperation foreignKey when newTables.Contains((foreignKey.Schema, foreignKey.Table)):
                        operations.Add(foreignKey);
                        break;
                }
            }

            if (!existingTables.Contains(tables.Ledger.Name))
            {
                operations.Add(tables.Ledger.CreateOperation());
                createdTables.Add(tables.Ledger.Name);
            }

            // Only the schemas of the tables created: a schema of the host's own tables is not the planner's to create.
            var schemas = newTables.Select(t => t.Item1).ToHashSet();
            if (createdTables.Contains(tables.Ledger.Name))
            {
                schemas.Add(tables.Ledger.Schema);
            }

            operations.InsertRange(0, wanted.OfType<EnsureSchemaOperation>().Where(e => schemas.Contains(e.Name)));

            var generator = context.GetService<IMigrationsSqlGenerator>();
            var relationalConnection = context.GetService<IRelationalConnection>();
            foreach (var command in generator.Generate(operations, designModel))
            {
                await command.ExecuteNonQueryAsync(relationalConnection, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new SchemaChanges(createdTables, createdIndexes);
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The names of the tables in the planner's schema (the programs table's schema).</summary>
    internal static async Task<HashSet<string>> ExistingTablesAsync(
        PlannerTables tables, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        string sql;
        if (tables.IsSqlite)
        {
            sql = "SELECT name FROM sqlite_master WHERE type = 'table'";
        }
        else if (tables.IsPostgres)
        {
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + (tables.Programs.Schema is null ? "current_schema()" : "@schema");
        }
        else
        {
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + (tables.Programs.Schema is null ? "SCHEMA_NAME()" : "@schema");
        }

        return await ReadNamesAsync(connection, transaction, sql, tables.Programs.Schema, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HashSet<string>> ExistingIndexesAsync(
        PlannerTables tables, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        string sql;
        if (tables.IsSqlite)
        {
            sql = "SELECT name FROM sqlite_master WHERE type = 'index'";
        }
        else if (tables.IsPostgres)
        {
            sql = "SELECT indexname FROM pg_indexes WHERE schemaname = "
                + (tables.Programs.Schema is null ? "current_schema()" : "@schema");
        }
        else
        {
            sql = "SELECT i.name FROM sys.indexes i WHERE i.name IS NOT NULL";
        }

        return await ReadNamesAsync(connection, transaction, sql, tables.Programs.Schema, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HashSet<string>> ReadNamesAsync(
        DbConnection connection, DbTransaction? transaction, string sql, string? schema, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (schema is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@schema";
            parameter.Value = schema;
            command.Parameters.Add(parameter);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
