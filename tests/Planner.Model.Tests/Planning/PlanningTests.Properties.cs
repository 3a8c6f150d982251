using CsCheck;
using NodaTime;
using Planner.Model.Planning;

namespace Planner.Model.Tests.Planning;

public abstract partial class PlanningTests<TDatabase>
{
    /// <summary>An edit of the sessions of one week: which day, which session (a fraction of the day's count), where to.</summary>
    public sealed record SessionEdit(int Kind, int Day, double Pick, int TargetDay, int Seed);

    private static readonly Gen<SessionEdit[]> SessionEdits =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 6], Gen.Double[0, 1], Gen.Int[0, 6], Gen.Int)
            .Select((kind, day, pick, target, seed) => new SessionEdit(kind, day, pick, target, seed))
            .Array[1, 12];

    [Fact]
    public async Task Any_sequence_of_session_edits_keeps_the_order_an_in_memory_list_predicts()
    {
        Database.SkipIfUnavailable();
        var week = BlockStart.PlusDays(7);

        await SessionEdits.SampleAsync(
            async edits =>
            {
                var seeded = await SeedAsync();
                await using var context = CreateContext();
                var service = Service(context);

                // The oracle: each date's session ids, in order.
                var oracle = (await service.CalendarAsync(seeded.ProgramId, week, week.PlusDays(6))).Days
                    .ToDictionary(d => d.Date, d => d.Sessions.Select(s => s.Id).ToList());
                foreach (var edit in edits)
                {
                    var date = week.PlusDays(edit.Day);
                    var ids = oracle[date];
                    var at = (int)Math.Min(ids.Count, Math.Floor(edit.Pick * (ids.Count + 1)));
                    switch (edit.Kind)
                    {
                        case 0:
                            var added = await service.AddSessionAsync(seeded.DayId(date), seeded.EasyTemplateId, Expect.Any, position: at);
                            ids.Insert(at, added.Sessions[at].Id);
                            break;
                        case 1 when ids.Count > 0:
                            var removed = ids[Math.Min(at, ids.Count - 1)];
                            await service.RemoveSessionAsync(removed, Expect.Any);
                            ids.Remove(removed);
                            break;
                        case 2:
                            var shuffled = ids.OrderBy(id => HashCode.Combine(id, edit.Seed)).ToList();
                            await service.ReorderSessionsAsync(seeded.DayId(date), shuffled, Expect.Any);
                            oracle[date] = shuffled;
                            break;
                        case 3 when ids.Count > 0:
                            var moved = ids[Math.Min(at, ids.Count - 1)];
                            var target = week.PlusDays(edit.TargetDay);
                            await service.MoveSessionAsync(moved, target, Expect.Any);
                            if (target != date)
                            {
                                ids.Remove(moved);
                                oracle[target].Add(moved);
                            }

                            break;
                    }
                }

                await using var check = CreateContext();
                var rows = await Service(check).CalendarAsync(seeded.ProgramId, week, week.PlusDays(6));
                foreach (var day in rows.Days)
                {
                    Assert.Equal(oracle[day.Date], day.Sessions.Select(s => s.Id));
                    Assert.Equal(Enumerable.Range(0, day.Sessions.Count), day.Sessions.Select(s => s.Position));
                }
            },
            iter: 15,
            threads: 1);
    }
}
