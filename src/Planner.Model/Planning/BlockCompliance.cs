using NodaTime;

namespace Planner.Model.Planning;

/// <summary>Compliance of one block.</summary>
/// <param name="BlockId">The block's id.</param>
/// <param name="Name">The block's name.</param>
/// <param name="StartDate">The block's first date.</param>
/// <param name="Compliance">Its planned, completed and missed sessions.</param>
public sealed record BlockCompliance(string BlockId, string Name, LocalDate StartDate, Compliance Compliance);
