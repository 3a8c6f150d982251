using Microsoft.EntityFrameworkCore;
using NodaTime;
using Planner.Model.Planning;

namespace Planner.Model.Tests.Planning;

public abstract partial class PlanningTests<TDatabase>
{
    [Fact]
    public async Task Edits_of_different_days_from_two_contexts_both_land()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var thursday = Wednesday.PlusDays(1);

        // Both athletes' screens read the week from the same state.
        await using var first = CreateContext();
        await using var second = CreateContext();
        var week = await Service(first).CalendarAsync(seeded.ProgramId, BlockStart.PlusDays(7), BlockStart.PlusDays(13));
        var wednesdayStamp = week.Days.Single(d => d.Date == Wednesday).ConcurrencyStamp;
        var thursdayStamp = week.Days.Single(d => d.Date == thursday).ConcurrencyStamp;

        await Task.WhenAll(
            Service(first).UpdateDayAsync(seeded.DayId(Wednesday), DayEdits.Full("Wed", null, 5), Expect.Stamp(wednesdayStamp)),
            Service(second).UpdateDayAsync(seeded.DayId(thursday), DayEdits.Full("Thu", null, 8), Expect.Stamp(thursdayStamp)));

        Assert.Equal("Wed", (await DayRowAsync(seeded, Wednesday)).Name);
        Assert.Equal("Thu", (await DayRowAsync(seeded, thursday)).Name);
    }

    [Fact]
    public async Task Removing_a_session_completed_since_it_was_read_fails_and_keeps_the_logged_work_and_expect_any_says_remove_it_anyway()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var seenDay = await DayRowAsync(seeded, Wednesday);
        var session = seenDay.Sessions.Single(s => s.Position == 0);

        // Someone completes the session after the caller read the day; completing renews only the session's stamp.
        await using (var other = CreateContext())
        {
            await Service(other).CompleteSessionAsync(session.Id, new SessionCompletion { Rpe = 7 }, Expect.Any);
        }

        await using var stale = CreateContext();
        var withSessionStamp = await Assert.ThrowsAsync<PlanConcurrencyException>(() => Service(stale).RemoveSessionAsync(session.Id, Expect.Stamp(session.ConcurrencyStamp)));
        Assert.Equal(session.Id, withSessionStamp.EntityId);
        Assert.Equal(session.ConcurrencyStamp, withSessionStamp.ExpectedStamp);
        Assert.True(withSessionStamp.CurrentSession!.IsCompleted);
        Assert.Contains((await DayRowAsync(seeded, Wednesday)).Sessions, s => s.Id == session.Id && s.IsCompleted);

        // With the session's current stamp the caller has seen the logged work, and the removal goes ahead.
        await using var informed = CreateContext();
        var day = await Service(informed).RemoveSessionAsync(session.Id, Expect.Stamp(withSessionStamp.CurrentSession.ConcurrencyStamp));
        Assert.DoesNotContain(day.Sessions, s => s.Id == session.Id);
        Assert.DoesNotContain((await DayRowAsync(seeded, Wednesday)).Sessions, s => s.Id == session.Id);

        // Expect.Any says "whatever is there" in so many words: the other completed session goes too.
        var other2 = (await DayRowAsync(seeded, Wednesday)).Sessions.Single();
        await using (var setup = CreateContext())
        {
            await Service(setup).CompleteSessionAsync(other2.Id, new SessionCompletion { Rpe = 4 }, Expect.Stamp(other2.ConcurrencyStamp));
        }

        await using var overwrite = CreateContext();
        Assert.Empty((await Service(overwrite).RemoveSessionAsync(other2.Id, Expect.Any)).Sessions);
    }

    [Fact]
    public async Task A_stale_edit_of_the_same_day_fails_with_what_is_current()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var dayId = seeded.DayId(Wednesday);
        var seen = (await DayRowAsync(seeded, Wednesday)).ConcurrencyStamp;

        await using var first = CreateContext();
        await using var second = CreateContext();
        var landed = await Service(first).UpdateDayAsync(dayId, DayEdits.Full("First", null, 6), Expect.Stamp(seen));
        var error = await Assert.ThrowsAsync<PlanConcurrencyException>(() => Service(second).UpdateDayAsync(dayId, DayEdits.Full("Second", null, 2), Expect.Stamp(seen)));

        Assert.Equal(dayId, error.EntityId);
        Assert.Equal(seen, error.ExpectedStamp);
        Assert.Equal(("First", (int?)6, landed.ConcurrencyStamp), (error.CurrentDay!.Name, error.CurrentDay.Readiness, error.CurrentDay.ConcurrencyStamp));
        Assert.Equal("First", (await DayRowAsync(seeded, Wednesday)).Name);
    }

    [Fact]
    public async Task A_conflict_found_only_on_saving_is_our_exception_too()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var dayId = seeded.DayId(Wednesday);

        // The host's context already tracks the day as it was: the load passes, the UPDATE finds the stamp changed.
        await using var host = CreateContext();
        var tracked = await host.Set<ProgramDay>().SingleAsync(d => d.Id == dayId);
        await using (var other = CreateContext())
        {
            await Service(other).UpdateDayAsync(dayId, DayEdits.Full("Elsewhere", null, null), Expect.Any);
        }

        var error = await Assert.ThrowsAsync<PlanConcurrencyException>(() => Service(host).UpdateDayAsync(dayId, DayEdits.Full("Here", null, null), Expect.Stamp(tracked.ConcurrencyStamp)));

        Assert.IsType<DbUpdateConcurrencyException>(error.InnerException);
        Assert.Equal("Elsewhere", error.CurrentDay!.Name);
        Assert.Equal("Elsewhere", (await DayRowAsync(seeded, Wednesday)).Name);
    }

    [Fact]
    public async Task Stale_session_and_session_list_edits_fail_with_what_is_current()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var day = await DayRowAsync(seeded, Wednesday);
        var session = day.Sessions.Single(s => s.Position == 0);
        await using var context = CreateContext();
        var service = Service(context);

        await service.CompleteSessionAsync(session.Id, new SessionCompletion { Rpe = 5 }, Expect.Stamp(session.ConcurrencyStamp));
        var stale = await Assert.ThrowsAsync<PlanConcurrencyException>(() => service.CompleteSessionAsync(session.Id, new SessionCompletion { Rpe = 9 }, Expect.Stamp(session.ConcurrencyStamp)));
        Assert.Equal(5m, stale.CurrentSession!.Completion!.Rpe);

        // A session list edit renews the day's stamp: a second edit from the same view is stale.
        await service.ReorderSessionsAsync(day.Id, day.Sessions.OrderByDescending(s => s.Position).Select(s => s.Id).ToList(), Expect.Stamp(day.ConcurrencyStamp));
        var staleDay = await Assert.ThrowsAsync<PlanConcurrencyException>(() => service.AddSessionAsync(day.Id, seeded.EasyTemplateId, Expect.Stamp(day.ConcurrencyStamp)));
        Assert.Equal(new[] { "pm", "am" }, staleDay.CurrentDay!.Sessions.Select(s => s.Slot));
    }

    [Fact]
    public async Task A_day_removed_since_it_was_read_is_a_conflict_with_nothing_current_and_an_unknown_day_is_not_found()
    {
        Database.SkipIfUnavailable();
        var seeded = await SeedAsync();
        var day = await DayRowAsync(seeded, Wednesday);
        await using (var other = CreateContext())
        {
            await other.Set<ProgramDay>().Where(d => d.Id == day.Id).ExecuteDeleteAsync();
        }

        await using var context = CreateContext();
        var error = await Assert.ThrowsAsync<PlanConcurrencyException>(() => Service(context).UpdateDayAsync(day.Id, DayEdits.Full("x", null, null), Expect.Stamp(day.ConcurrencyStamp)));
        var missing = await Assert.ThrowsAsync<PlanNotFoundException>(() => Service(context).UpdateDayAsync(day.Id, DayEdits.Full("x", null, null), Expect.Any));

        Assert.Null(error.CurrentDay);
        Assert.Contains("removed", error.Message);
        Assert.Contains(day.Id, missing.Message);
    }
}
