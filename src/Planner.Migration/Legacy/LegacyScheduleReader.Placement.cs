using NodaTime;

namespace Planner.Migration.Legacy;

internal sealed partial class LegacyScheduleReader
{
    private void CheckOverlaps(List<LegacyBlock> blocks)
    {
        // Blocks nearly always come in date order: sort only when they do not.
        var placed = blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!blocks[i].DatesValid || (i > 0 && blocks[i].Start < blocks[i - 1].Start))
            {
                placed = blocks.Where(b => b.DatesValid).OrderBy(b => b.Start).ThenBy(b => b.Position).ToList();
                break;
            }
        }

        List<(LegacyBlock Block, LegacyBlock Other)>? found = null;
        LegacyBlock? latest = null;
        foreach (var block in placed)
        {
            if (latest is not null && block.Start <= latest.End)
            {
                (found ??= []).Add((block, latest));
            }

            if (latest is null || block.End > latest.End)
            {
                latest = block;
            }
        }

        if (found is null)
        {
            return;
        }

        foreach (var (block, other) in found.OrderBy(f => f.Block.Position))
        {
            _diagnostics.Warning(DiagnosticCodes.BlockOverlap, block.Path, $"The block '{block.Name}' ({LegacyDates.Format(block.Start)} to {LegacyDates.Format(block.End)}) overlaps the block '{other.Name}' ({LegacyDates.Format(other.Start)} to {LegacyDates.Format(other.End)}); both keep their own days.");
        }
    }

    private void CheckInsideProgram(List<LegacyBlock> blocks, LocalDate? programStart, LocalDate? programEnd)
    {
        foreach (var block in blocks)
        {
            if (block.DatesValid && (block.Start < programStart || block.End > programEnd))
            {
                _diagnostics.Warning(DiagnosticCodes.BlockOutsideProgram, block.Path, $"The block '{block.Name}' ({LegacyDates.Format(block.Start)} to {LegacyDates.Format(block.End)}) lies outside the program's dates ({Format(programStart)} to {Format(programEnd)}); it is kept.");
            }
        }

        static string Format(LocalDate? date) => date is { } d ? LegacyDates.Format(d) : "open";
    }
}
