using NodaTime;

namespace Planner.Model.Planning;

/// <summary>A block, as listed by goal.</summary>
/// <param name="Id">The block's id.</param>
/// <param name="ProgramId">The id of its program.</param>
/// <param name="Position">Its place among its program's blocks.</param>
/// <param name="Name">Its name.</param>
/// <param name="StartDate">Its first date.</param>
/// <param name="EndDate">Its last date (inclusive).</param>
/// <param name="Color">Its display colour, if any.</param>
public sealed record BlockSummary(string Id, string ProgramId, int Position, string Name, LocalDate StartDate, LocalDate EndDate, string? Color);
