using Microsoft.EntityFrameworkCore;
using Planner.Testing.Databases;

namespace Planner.AspNetCore.Tests.Infrastructure;

/// <summary>A SQLite file with the planner's tables and the feed tables.</summary>
public sealed class ApiSqliteDatabase : SqliteDatabase
{
    protected override async Task CreateSchemaAsync()
    {
        await using var context = new ApiContext((DbContextOptions<ApiContext>)Configure(new DbContextOptionsBuilder<ApiContext>()).Options);
        await context.Database.EnsureCreatedAsync();
    }
}

/// <summary>A PostgreSQL database with the planner's tables and the feed tables.</summary>
public sealed class ApiPostgresDatabase : PostgresDatabase
{
    protected override async Task CreateSchemaAsync()
    {
        await using var context = new ApiContext((DbContextOptions<ApiContext>)Configure(new DbContextOptionsBuilder<ApiContext>()).Options);
        await context.Database.EnsureCreatedAsync();
    }
}
