using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Planning;

namespace Planner.Model.Tests.Planning;

public abstract partial class PlanningTests<TDatabase>
{
    private static readonly LocalDate Wednesday = new(2024, 1, 10);

    [Fact]
    public async Task Updating_a_day_writes_its_values_renews_its_stamp_and_leaves_other_days_alone()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var before = await DayRowAsync(seeded, Wednesday);
        var neighbour = await DayRowAsync(seeded, Wednesday.PlusDays(1));

        await using var context = CreateContext();
        var day = await Service(context).UpdateDayAsync(seeded.DayId(Wednesday), DayEdits.Full("Hill day", "legs heavy", 7), Expect.Stamp(before.ConcurrencyStamp));

        var after = await DayRowAsync(seeded, Wednesday);
        Assert.Equal(("Hill day", "legs heavy", (int?)7), (after.Name, after.Notes, after.Readiness));
        Assert.NotEqual(before.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Equal(after.ConcurrencyStamp, day.ConcurrencyStamp);
        Assert.Equal(2, day.Sessions.Count);
        Assert.Equal(neighbour.ConcurrencyStamp, (await DayRowAsync(seeded, Wednesday.PlusDays(1))).ConcurrencyStamp);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task A_readiness_outside_1_to_10_is_refused_before_anything_is_written(int readiness)
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        await using var context = CreateContext();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Service(context).UpdateDayAsync(seeded.DayId(Wednesday), DayEdits.Full("x", null, readiness), Expect.Any));

        Assert.Contains("1 to 10", error.Message);
        Assert.Null((await DayRowAsync(seeded, Wednesday)).Name);
    }

    [Fact]
    public async Task Sessions_are_added_removed_and_reordered_with_positions_kept_dense()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var dayId = seeded.DayId(Wednesday);
        var original = (await DayRowAsync(seeded, Wednesday)).Sessions.OrderBy(s => s.Position).Select(s => s.Id).ToList();
        await using var context = CreateContext();
        var service = Service(context);

        var added = await service.AddSessionAsync(dayId, seeded.LongTemplateId, Expect.Any, "noon", "strides", position: 1);
        var newId = added.Sessions[1].Id;
        Assert.Equal(new[] { original[0], newId, original[1] }, added.Sessions.Select(s => s.Id));
        Assert.Equal(new[] { "am", "noon", "pm" }, added.Sessions.Select(s => s.Slot));

        var reordered = await service.ReorderSessionsAsync(dayId, [original[1], original[0], newId], Expect.Stamp(added.ConcurrencyStamp));
        Assert.Equal(new[] { "pm", "am", "noon" }, reordered.Sessions.Select(s => s.Slot));

        var removed = await service.RemoveSessionAsync(original[0], Expect.Stamp(reordered.Sessions.Single(s => s.Id == original[0]).ConcurrencyStamp));
        Assert.Equal(new[] { original[1], newId }, removed.Sessions.Select(s => s.Id));

        // The rows themselves: positions 0..n-1, nothing left at the temporary offset.
        var rows = (await DayRowAsync(seeded, Wednesday)).Sessions.OrderBy(s => s.Position).ToList();
        Assert.Equal(new[] { 0, 1 }, rows.Select(s => s.Position));
        Assert.Equal(new[] { original[1], newId }, rows.Select(s => s.Id));

        await Assert.ThrowsAsync<ArgumentException>(() => service.ReorderSessionsAsync(dayId, [newId], Expect.Any));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.AddSessionAsync(dayId, seeded.EasyTemplateId, Expect.Any, position: 5));
        var unknown = await Assert.ThrowsAsync<PlanNotFoundException>(() => service.AddSessionAsync(dayId, "tpl-missing", Expect.Any));
        Assert.Equal((PlanEntity.SessionTemplate, "tpl-missing", "Session template 'tpl-missing' was not found."), (unknown.Entity, unknown.Id, unknown.Message));
    }

    [Fact]
    public async Task A_session_moves_to_another_date_creating_the_day_when_the_block_covers_it()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var thursday = Wednesday.PlusDays(1);
        var friday = Wednesday.PlusDays(2);

        // Friday has no row (a legacy plan may lack rest days).
        await using (var setup = CreateContext())
        {
            await setup.Set<ProgramDay>().Where(d => d.Id == seeded.DayId(friday)).ExecuteDeleteAsync();
        }

        var wednesday = await DayRowAsync(seeded, Wednesday);
        var pm = wednesday.Sessions.Single(s => s.Slot == "pm");
        var am = wednesday.Sessions.Single(s => s.Slot == "am");
        await using var context = CreateContext();
        var service = Service(context);

        var toThursday = await service.MoveSessionAsync(pm.Id, thursday, Expect.Stamp(pm.ConcurrencyStamp));
        var toFriday = await service.MoveSessionAsync(am.Id, friday, Expect.Any);

        Assert.Equal(thursday, toThursday.Date);
        Assert.Equal(pm.Id, Assert.Single(toThursday.Sessions).Id);
        Assert.Equal(friday, toFriday.Date);
        Assert.Equal(seeded.BlockId, toFriday.BlockId);
        Assert.Equal(am.Id, Assert.Single(toFriday.Sessions).Id);
        Assert.Empty((await DayRowAsync(seeded, Wednesday)).Sessions);
        Assert.Single((await DayRowAsync(seeded, friday)).Sessions);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.MoveSessionAsync(am.Id, new LocalDate(2024, 6, 1), Expect.Any));

        // Onto a day that has a session already: after it, positions dense on both days.
        var saturday = Wednesday.PlusDays(3);
        var onSaturday = await service.MoveSessionAsync(am.Id, saturday, Expect.Any);
        var rows = (await DayRowAsync(seeded, saturday)).Sessions.OrderBy(s => s.Position).ToList();
        Assert.Equal(new[] { 0, 1 }, rows.Select(s => s.Position));
        Assert.Equal(am.Id, rows[1].Id);
        Assert.Equal(rows.Select(s => s.Id), onSaturday.Sessions.Select(s => s.Id));
        Assert.Empty((await DayRowAsync(seeded, friday)).Sessions);
    }

    [Fact]
    public async Task Completing_a_session_keeps_every_field_logged_and_refuses_an_rpe_outside_1_to_10()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var session = (await DayRowAsync(seeded, Wednesday)).Sessions.Single(s => s.Position == 0);
        await using var context = CreateContext();
        var service = Service(context);
        var completion = SessionCompletion.Parse("""{"rpe":7,"duration_min":95,"distance_km":18.2,"hr_avg":151,"splits":[5.1,5.0]}""")!;

        var bad = SessionCompletion.Parse("""{"rpe":11}""")!;
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.CompleteSessionAsync(session.Id, bad, Expect.Any));
        var done = await service.CompleteSessionAsync(session.Id, completion, Expect.Stamp(session.ConcurrencyStamp));

        Assert.True(done.IsCompleted);
        Assert.NotEqual(session.ConcurrencyStamp, done.ConcurrencyStamp);
        var stored = (await DayRowAsync(seeded, Wednesday)).Sessions.Single(s => s.Id == session.Id).GetCompletion()!;
        Assert.Equal((7m, 95m, 18.2m), (stored.Rpe!.Value, stored.DurationMinutes!.Value, stored.DistanceKm!.Value));
        Assert.Equal("151", stored.OtherFields["hr_avg"]!.ToJsonString());
        Assert.Equal("[5.1,5.0]", stored.OtherFields["splits"]!.ToJsonString());
    }
}
