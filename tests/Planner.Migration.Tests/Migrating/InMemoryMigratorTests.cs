using Microsoft.EntityFrameworkCore;
using Planner.Migration.Migrating;
using Planner.Testing.Databases;

namespace Planner.Migration.Tests.Migrating;

/// <summary>The migrator writes SQL of its own: on EF Core InMemory it refuses every call, saying why, and disposes the context it made.</summary>
public sealed class InMemoryMigratorTests
{
    [Fact]
    public async Task The_migrator_refuses_an_InMemory_context_naming_the_provider_and_what_it_needs()
    {
        var contexts = new List<HostContext>();
        var name = "migrate-" + Guid.NewGuid().ToString("N");
        var migrator = new LegacyMigrator<HostContext>(() =>
        {
            var context = new HostContext(new DbContextOptionsBuilder<HostContext>().UseInMemoryDatabase(name).Options);
            contexts.Add(context);
            return context;
        });

        var calls = new Func<Task>[] { () => migrator.CreateSchemaAsync(), () => migrator.MigrateAsync(), () => migrator.VerifyAsync() };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(call);
            Assert.Contains("Microsoft.EntityFrameworkCore.InMemory", error.Message);
            Assert.Contains("relational database", error.Message);
            Assert.Contains("SQLite", error.Message);
            Assert.Contains("PostgreSQL", error.Message);
        }

        Assert.Equal(calls.Length, contexts.Count);
        Assert.All(contexts, c => Assert.Throws<ObjectDisposedException>(() => c.Model));
    }
}
