namespace Planner.Model.Tests.Entities;

/// <summary>A session renews its concurrency stamp exactly when one of its own values changes.</summary>
public sealed class ScheduledSessionTests
{
    public static TheoryData<string, Action<ScheduledSession>> Changes => new()
    {
        { "day id", s => s.DayId = "day-2" },
        { "day", s => s.Day = new ProgramDay { Id = "day-2" } },
        { "template id", s => s.SessionTemplateId = "tpl-2" },
        { "template", s => s.SessionTemplate = new SessionTemplate { Id = "tpl-2" } },
        { "position", s => s.Position = 1 },
        { "slot", s => s.Slot = "pm" },
        { "notes", s => s.Notes = "Hills" },
        { "completion", s => s.IsCompleted = true },
        { "completion data", s => s.CompletionData = "{\"rpe\":6}" },
        { "typed completion", s => s.SetCompletion(new SessionCompletion { Rpe = 6 }) },
    };

    public static TheoryData<string, Action<ScheduledSession>> SameValues => new()
    {
        { "day id", s => s.DayId = "day-1" },
        { "day with the same id", s => s.Day = new ProgramDay { Id = "day-1" } },
        { "template with the same id", s => s.SessionTemplate = new SessionTemplate { Id = "tpl-1" } },
        { "position", s => s.Position = 0 },
        { "slot", s => s.Slot = "am" },
        { "notes", s => s.Notes = null },
        { "completion", s => s.IsCompleted = false },
        { "completion data", s => s.CompletionData = null },
        { "typed completion cleared", s => s.SetCompletion(null) },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Changing_a_value_renews_the_stamp(string what, Action<ScheduledSession> change)
    {
        var session = Session();
        var before = session.ConcurrencyStamp;

        change(session);

        Assert.True(before != session.ConcurrencyStamp, $"changing the {what} kept the stamp");
    }

    [Theory]
    [MemberData(nameof(SameValues))]
    public void Writing_the_same_value_keeps_the_stamp(string what, Action<ScheduledSession> write)
    {
        var session = Session();
        var before = session.ConcurrencyStamp;

        write(session);

        Assert.True(before == session.ConcurrencyStamp, $"writing the same {what} renewed the stamp");
    }

    [Fact]
    public void The_typed_completion_keeps_the_fields_it_does_not_type()
    {
        var session = Session();
        session.CompletionData = "{\"rpe\":6,\"hr_avg\":141,\"felt\":\"strong\"}";

        var completion = session.GetCompletion()!;
        completion.DurationMinutes = 50;
        session.SetCompletion(completion);

        var reread = session.GetCompletion()!;
        Assert.Equal((6m, 50m), (reread.Rpe, reread.DurationMinutes));
        Assert.Equal(["felt", "hr_avg"], reread.OtherFields.Keys.Order(StringComparer.Ordinal));
    }

    private static ScheduledSession Session() => new()
    {
        Id = "s-1",
        DayId = "day-1",
        SessionTemplateId = "tpl-1",
        Position = 0,
        Slot = "am",
    };
}
