using NodaTime;
using Planner.Model.Scheduling;

namespace Planner.Model.Tests.Scheduling;

/// <summary>The one rule of what is logged, which the engine and the planning service's writes share.</summary>
public sealed class LoggedWorkTests
{
    private static readonly LocalDate Start = new(2024, 1, 1);

    [Theory]
    [InlineData(false, null, null, false)]
    [InlineData(true, null, null, true)]
    [InlineData(false, "{\"rpe\":6}", null, true)]
    [InlineData(false, null, "legs heavy", true)]
    public void A_session_is_logged_when_completed_or_with_completion_data_or_notes(bool completed, string? data, string? notes, bool logged)
    {
        var session = new ScheduledSession { Id = "s", DayId = "d", SessionTemplateId = "tpl", IsCompleted = completed, CompletionData = data, Notes = notes };

        Assert.Equal(logged, LoggedWork.IsLogged(session));
        Assert.Equal(completed || data is not null, LoggedWork.IsDone(session));
    }

    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("Race", null, null, true)]
    [InlineData(null, "sick", null, true)]
    [InlineData(null, null, 4, true)]
    public void A_day_is_logged_when_it_has_a_name_notes_or_readiness(string? name, string? notes, int? readiness, bool logged) =>
        Assert.Equal(logged, LoggedWork.IsLogged(new ProgramDay { Id = "d", BlockId = "b", Date = Start, Name = name, Notes = notes, Readiness = readiness }));

    [Theory]
    [InlineData(0, false, "easy pace", false)] // noted, not done, in the block: moves with the plan
    [InlineData(0, true, "easy pace", true)] // done: stays where it was done
    [InlineData(0, false, null, false)] // planned: moves
    [InlineData(-1, false, "easy pace", true)] // outside the block (kept there earlier): stays
    [InlineData(10, false, null, false)] // planned outside the block: not logged, the shift may drop it
    public void A_shift_leaves_only_work_done_and_logged_work_outside_the_block_on_its_date(int offset, bool completed, string? notes, bool stays)
    {
        var block = new ProgramBlock { Id = "b", ProgramId = "p", Name = "Base", StartDate = Start, EndDate = Start.PlusDays(6) };
        var day = new ProgramDay { Id = "d", BlockId = "b", Date = Start.PlusDays(offset) };
        var session = new ScheduledSession { Id = "s", DayId = "d", SessionTemplateId = "tpl", IsCompleted = completed, Notes = notes };

        Assert.Equal(stays, LoggedWork.StaysInShift(session, day, block));
    }

    [Fact]
    public void A_session_is_planned_as_a_plan_only_with_the_same_template_slot_and_notes()
    {
        var session = new ScheduledSession { Id = "s", DayId = "d", SessionTemplateId = "tpl-easy", Slot = "am", Notes = "easy pace" };

        Assert.True(LoggedWork.IsPlannedAs(session, "tpl-easy", "am", "easy pace"));
        Assert.False(LoggedWork.IsPlannedAs(session, "tpl-easy", "am", null));
        Assert.False(LoggedWork.IsPlannedAs(session, "tpl-easy", "pm", "easy pace"));
        Assert.False(LoggedWork.IsPlannedAs(session, "tpl-long", "am", "easy pace"));
    }
}
