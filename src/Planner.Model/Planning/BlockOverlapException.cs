namespace Planner.Model.Planning;

/// <summary>
/// A write would have placed a block on dates another block of its program already covers: every write
/// that places a block (add, reschedule, shift) refuses that, and nothing is written. Blocks that already
/// overlap in legacy data are read as they are. A host answers 409 Conflict.
/// </summary>
/// <remarks>An <see cref="ArgumentException"/> (the dates given were the problem), so a host catching that catches this too.</remarks>
public sealed class BlockOverlapException : ArgumentException
{
    internal BlockOverlapException(string message, string paramName, string programId, string? blockId, string otherBlockId)
        : base(message, paramName)
    {
        ProgramId = programId;
        BlockId = blockId;
        OtherBlockId = otherBlockId;
    }

    /// <summary>The program whose blocks would have overlapped.</summary>
    public string ProgramId { get; }

    /// <summary>The block being placed, or <see langword="null"/> for a new block.</summary>
    public string? BlockId { get; }

    /// <summary>The block already on those dates.</summary>
    public string OtherBlockId { get; }
}
