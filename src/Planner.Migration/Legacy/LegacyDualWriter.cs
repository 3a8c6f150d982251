using Planner.Model;
using Planner.Model.Planning;

namespace Planner.Migration.Legacy;

/// <summary>
/// The converter's reverse writer as the planning API's dual-write hook: register it in
/// <see cref="PlanningOptions.LegacyScheduleWriter"/> and every write also rewrites
/// <c>programs.weekly_schedule</c> from the program's rows, in the same transaction, so old readers
/// keep working during the transition.
/// </summary>
/// <remarks>
/// The document is what <see cref="LegacyScheduleWriter"/> writes: shape B, every session on its date,
/// and logged work that a reschedule or shift kept outside its block's dates in a block of its own.
/// </remarks>
public sealed class LegacyDualWriter : ILegacyScheduleWriter
{
    private LegacyDualWriter()
    {
    }

    /// <summary>The writer; it holds no state.</summary>
    public static LegacyDualWriter Instance { get; } = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The rows cannot be written faithfully (see <see cref="LegacyScheduleWriter"/>).</exception>
    public string? Write(TrainingProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var blocks = program.Blocks;
        var days = blocks.SelectMany(b => b.Days);
        return LegacyScheduleWriter.Write(blocks, days, days.SelectMany(d => d.Sessions), blocks.SelectMany(b => b.GoalLinks));
    }
}
