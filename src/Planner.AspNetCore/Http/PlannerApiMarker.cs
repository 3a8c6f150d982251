namespace Planner.AspNetCore.Http;

/// <summary>Registered by <c>AddPlannerApi</c>, so that <c>MapPlannerApi</c> can tell it was called.</summary>
internal sealed class PlannerApiMarker;
