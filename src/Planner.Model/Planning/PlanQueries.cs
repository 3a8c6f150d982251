using Microsoft.EntityFrameworkCore;

namespace Planner.Model.Planning;

/// <summary>The include chains the planning writes load a plan with, written once. Internal.</summary>
internal static class PlanQueries
{
    /// <summary>A program with its blocks, their days and the days' sessions (split into one query per level).</summary>
    /// <param name="programs">The programs.</param>
    /// <param name="goals">Whether to load the program's and blocks' goal links too.</param>
    /// <param name="templates">Whether to load each session's template too.</param>
    public static IQueryable<TrainingProgram> WithPlan(this IQueryable<TrainingProgram> programs, bool goals = false, bool templates = false)
    {
        var sessions = programs.Include(p => p.Blocks).ThenInclude(b => b.Days).ThenInclude(d => d.Sessions);
        IQueryable<TrainingProgram> plan = templates ? sessions.ThenInclude(s => s.SessionTemplate) : sessions;
        if (goals)
        {
            plan = plan.Include(p => p.GoalLinks).Include(p => p.Blocks).ThenInclude(b => b.GoalLinks);
        }

        return plan.AsSplitQuery();
    }

    /// <summary>A block with its days and the days' sessions.</summary>
    public static IQueryable<ProgramBlock> WithPlan(this IQueryable<ProgramBlock> blocks) =>
        blocks.Include(b => b.Days).ThenInclude(d => d.Sessions);
}
