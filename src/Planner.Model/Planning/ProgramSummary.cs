using NodaTime;

namespace Planner.Model.Planning;

/// <summary>A program, as listed by goal or created.</summary>
/// <param name="Id">The program's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="StartDate">Its first date, if it has one.</param>
/// <param name="EndDate">Its last date, if it has one.</param>
public sealed record ProgramSummary(string Id, string Name, LocalDate? StartDate, LocalDate? EndDate);
