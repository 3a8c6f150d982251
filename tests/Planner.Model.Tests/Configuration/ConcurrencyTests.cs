using Microsoft.EntityFrameworkCore;
using Planner.Testing;
using Planner.Testing.Databases;

namespace Planner.Model.Tests.Configuration;

/// <summary>
/// Per-day (and per-session) optimistic concurrency with the application-managed
/// <c>concurrency_stamp</c>: edits of different days of one program both land, a second edit of the
/// same day or session fails with <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
public abstract class ConcurrencyTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    [Fact]
    public async Task Two_people_editing_two_days_of_one_program_both_succeed()
    {
        var plan = await SavedPlanAsync();
        await using var alice = Database.CreateContext();
        await using var bob = Database.CreateContext();
        var alicesProgram = await LoadProgramAsync(alice, plan);
        var bobsProgram = await LoadProgramAsync(bob, plan);

        DayOf(alicesProgram, SamplePlan.BaseStart).Notes = "Felt great";
        DayOf(bobsProgram, SamplePlan.PeakStart).Readiness = 4;
        await alice.SaveChangesAsync();
        await bob.SaveChangesAsync();

        await using var check = Database.CreateContext();
        Assert.Equal("Felt great", (await check.Days.SingleAsync(d => d.Id == plan.Day(SamplePlan.BaseStart).Id)).Notes);
        Assert.Equal(4, (await check.Days.SingleAsync(d => d.Id == plan.Day(SamplePlan.PeakStart).Id)).Readiness);
    }

    [Fact]
    public async Task The_second_of_two_edits_of_the_same_day_fails()
    {
        var plan = await SavedPlanAsync();
        await using var alice = Database.CreateContext();
        await using var bob = Database.CreateContext();
        var alicesProgram = await LoadProgramAsync(alice, plan);
        var bobsProgram = await LoadProgramAsync(bob, plan);

        DayOf(alicesProgram, SamplePlan.BaseStart).Notes = "Alice's notes";
        DayOf(bobsProgram, SamplePlan.BaseStart).Readiness = 8;
        await alice.SaveChangesAsync();
        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());

        Assert.IsType<ProgramDay>(Assert.Single(conflict.Entries).Entity);
        await using var check = Database.CreateContext();
        var stored = await check.Days.SingleAsync(d => d.Id == plan.Day(SamplePlan.BaseStart).Id);
        Assert.Equal(("Alice's notes", (int?)null), (stored.Notes, stored.Readiness));
    }

    [Fact]
    public async Task The_second_of_two_edits_of_the_same_session_fails()
    {
        var plan = await SavedPlanAsync();
        var sessionId = plan.Day(SamplePlan.BaseStart).Sessions.Single().Id;
        await using var alice = Database.CreateContext();
        await using var bob = Database.CreateContext();
        var alicesSession = await alice.Sessions.SingleAsync(s => s.Id == sessionId);
        var bobsSession = await bob.Sessions.SingleAsync(s => s.Id == sessionId);

        alicesSession.IsCompleted = true;
        bobsSession.Notes = "Moved to the evening";
        await alice.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());

        await using var check = Database.CreateContext();
        var stored = await check.Sessions.SingleAsync(s => s.Id == sessionId);
        Assert.Equal((true, (string?)null), (stored.IsCompleted, stored.Notes));
    }

    [Fact]
    public async Task Editing_a_session_does_not_conflict_with_editing_its_day()
    {
        var plan = await SavedPlanAsync();
        var dayId = plan.Day(SamplePlan.BaseStart).Id;
        await using var alice = Database.CreateContext();
        await using var bob = Database.CreateContext();
        var alicesDay = await alice.Days.Include(d => d.Sessions).SingleAsync(d => d.Id == dayId);
        var bobsDay = await bob.Days.Include(d => d.Sessions).SingleAsync(d => d.Id == dayId);

        alicesDay.Sessions.Single().IsCompleted = true;
        bobsDay.Notes = "Rainy";
        await alice.SaveChangesAsync();
        await bob.SaveChangesAsync();

        await using var check = Database.CreateContext();
        var stored = await check.Days.Include(d => d.Sessions).SingleAsync(d => d.Id == dayId);
        Assert.Equal(("Rainy", true), (stored.Notes, stored.Sessions.Single().IsCompleted));
    }

    [Fact]
    public async Task Moving_a_session_to_another_day_through_its_navigation_renews_its_stamp()
    {
        var plan = await SavedPlanAsync();
        var sessionId = plan.Day(SamplePlan.BaseStart).Sessions.Single().Id;
        var otherDayId = plan.Day(SamplePlan.BaseStart.PlusDays(1)).Id;
        await using var alice = Database.CreateContext();
        await using var bob = Database.CreateContext();
        var alicesSession = await alice.Sessions.SingleAsync(s => s.Id == sessionId);
        var bobsSession = await bob.Sessions.SingleAsync(s => s.Id == sessionId);
        var stampBefore = alicesSession.ConcurrencyStamp;

        alicesSession.Day = await alice.Days.SingleAsync(d => d.Id == otherDayId);
        alice.ChangeTracker.DetectChanges();
        Assert.Equal(otherDayId, alicesSession.DayId);
        Assert.NotEqual(stampBefore, alicesSession.ConcurrencyStamp);

        alicesSession.Position = 1; // the other day has its own session at 0
        await alice.SaveChangesAsync();

        bobsSession.Notes = "Still on Monday?";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());
    }

    [Fact]
    public async Task After_a_conflict_reloading_the_day_lets_the_edit_through()
    {
        var plan = await SavedPlanAsync();
        var dayId = plan.Day(SamplePlan.BaseStart).Id;
        await using var alice = Database.CreateContext();
        await using var bob = Database.CreateContext();
        var alicesDay = await alice.Days.SingleAsync(d => d.Id == dayId);
        var bobsDay = await bob.Days.SingleAsync(d => d.Id == dayId);
        alicesDay.Notes = "Alice";
        await alice.SaveChangesAsync();
        bobsDay.Notes = "Bob";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());

        await bob.Entry(bobsDay).ReloadAsync();
        Assert.Equal("Alice", bobsDay.Notes);
        Assert.Equal(EntityState.Unchanged, bob.Entry(bobsDay).State);
        Assert.Equal(await StoredDayStampAsync(dayId), bobsDay.ConcurrencyStamp);

        bobsDay.Notes = "Alice, then Bob";
        await bob.SaveChangesAsync();
        await using var check = Database.CreateContext();
        Assert.Equal("Alice, then Bob", (await check.Days.SingleAsync(d => d.Id == dayId)).Notes);
    }

    [Fact]
    public async Task Loading_a_day_keeps_the_stored_stamp_and_leaves_the_day_unchanged()
    {
        var plan = await SavedPlanAsync();
        var dayId = plan.Day(SamplePlan.BaseStart).Id;

        await using var context = Database.CreateContext();
        var day = await context.Days.Include(d => d.Block).SingleAsync(d => d.Id == dayId);
        context.ChangeTracker.DetectChanges();

        Assert.Equal(await StoredDayStampAsync(dayId), day.ConcurrencyStamp);
        Assert.Equal(plan.Day(SamplePlan.BaseStart).ConcurrencyStamp, day.ConcurrencyStamp);
        Assert.Equal(EntityState.Unchanged, context.Entry(day).State);
    }

    [Fact]
    public async Task Writing_a_value_equal_to_the_stored_one_changes_nothing()
    {
        var plan = await SavedPlanAsync();
        var dayId = plan.Day(SamplePlan.BaseStart).Id;
        var stored = await StoredDayStampAsync(dayId);

        await using (var context = Database.CreateContext())
        {
            var day = await context.Days.SingleAsync(d => d.Id == dayId);
            day.Notes = day.Notes;
            day.Date = day.Date;
            day.Readiness = day.Readiness;
            context.ChangeTracker.DetectChanges();
            Assert.Equal(EntityState.Unchanged, context.Entry(day).State);
            Assert.Equal(0, await context.SaveChangesAsync());
        }

        Assert.Equal(stored, await StoredDayStampAsync(dayId));
    }

    [Fact]
    public async Task A_real_change_stores_a_new_stamp()
    {
        var plan = await SavedPlanAsync();
        var dayId = plan.Day(SamplePlan.BaseStart).Id;
        var before = await StoredDayStampAsync(dayId);

        await using (var context = Database.CreateContext())
        {
            var day = await context.Days.SingleAsync(d => d.Id == dayId);
            day.Readiness = 7;
            context.ChangeTracker.DetectChanges();
            Assert.True(context.Entry(day).Property(d => d.ConcurrencyStamp).IsModified);
            await context.SaveChangesAsync();
        }

        var after = await StoredDayStampAsync(dayId);
        Assert.NotEqual(before, after);
        Assert.Equal(32, after.Length);
    }

    [Fact]
    public void Ef_core_reads_and_writes_the_stamped_values_through_their_backing_fields()
    {
        Database.SkipIfUnavailable();
        using var context = Database.CreateContext();

        // Materialization must not go through the setters, or loading would renew every stamp.
        AssertBackingField<ProgramDay>(context, nameof(ProgramDay.BlockId), nameof(ProgramDay.Date), nameof(ProgramDay.Name), nameof(ProgramDay.Notes), nameof(ProgramDay.Readiness));
        AssertBackingField<ScheduledSession>(
            context,
            nameof(ScheduledSession.DayId),
            nameof(ScheduledSession.SessionTemplateId),
            nameof(ScheduledSession.Position),
            nameof(ScheduledSession.Slot),
            nameof(ScheduledSession.Notes),
            nameof(ScheduledSession.IsCompleted),
            nameof(ScheduledSession.CompletionData));

        // Likewise the navigations: EF Core's fix-up must not call the setters that move a row.
        Assert.Equal("_block", context.Model.FindEntityType(typeof(ProgramDay))!.FindNavigation(nameof(ProgramDay.Block))!.FieldInfo?.Name);
        Assert.Equal("_day", context.Model.FindEntityType(typeof(ScheduledSession))!.FindNavigation(nameof(ScheduledSession.Day))!.FieldInfo?.Name);
    }

    private static void AssertBackingField<TEntity>(DbContext context, params string[] properties)
    {
        var entity = context.Model.FindEntityType(typeof(TEntity))!;
        foreach (var name in properties)
        {
            var property = entity.FindProperty(name)!;
            Assert.Equal("_" + char.ToLowerInvariant(name[0]) + name[1..], property.FieldInfo?.Name);
            Assert.Equal(PropertyAccessMode.PreferField, property.GetPropertyAccessMode());
        }

        Assert.True(entity.FindProperty("ConcurrencyStamp")!.IsConcurrencyToken);
    }

    private static ProgramDay DayOf(TrainingProgram program, NodaTime.LocalDate date) =>
        program.Blocks.SelectMany(b => b.Days).Single(d => d.Date == date);

    private static Task<TrainingProgram> LoadProgramAsync(PlannerDbContext context, SamplePlan plan) =>
        context.Programs.Include(p => p.Blocks).ThenInclude(b => b.Days).SingleAsync(p => p.Id == plan.Program.Id);

    private async Task<SamplePlan> SavedPlanAsync()
    {
        Database.SkipIfUnavailable();
        var plan = new SamplePlan();
        await plan.SaveAsync(Database);
        return plan;
    }

    private async Task<string> StoredDayStampAsync(string dayId)
    {
        await using var context = Database.CreateContext();
        return await context.Database
            .SqlQueryRaw<string>("SELECT concurrency_stamp AS \"Value\" FROM program_days WHERE id = {0}", dayId)
            .SingleAsync();
    }
}

public sealed class SqliteConcurrencyTests(SqliteDatabase database)
    : ConcurrencyTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresConcurrencyTests(PostgresDatabase database)
    : ConcurrencyTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
