using System.Text.Json;
using System.Text.Json.Nodes;

namespace Planner.Model;

/// <summary>
/// A typed view of a session's completion data: RPE, duration and distance, plus every other field
/// the data holds, kept as it was.
/// </summary>
/// <remarks>
/// The JSON names are the legacy ones: <c>rpe</c>, <c>duration_min</c>, <c>distance_km</c>. A common
/// field whose value is not a number is kept among <see cref="OtherFields"/> rather than lost.
/// </remarks>
public sealed class SessionCompletion
{
    internal const string RpeName = "rpe";
    internal const string DurationName = "duration_min";
    internal const string DistanceName = "distance_km";

    /// <summary>Rate of perceived exertion, usually 1 to 10.</summary>
    public decimal? Rpe { get; set; }

    /// <summary>Duration in minutes.</summary>
    public decimal? DurationMinutes { get; set; }

    /// <summary>Distance in kilometres.</summary>
    public decimal? DistanceKm { get; set; }

    /// <summary>Every other field of the completion data, by name, in the order found.</summary>
    public IDictionary<string, JsonNode?> OtherFields { get; } = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);

    /// <summary>Parses completion data text.</summary>
    /// <param name="json">A JSON object as text, or <see langword="null"/>.</param>
    /// <returns>The typed view, or <see langword="null"/> for null or blank text.</returns>
    /// <exception cref="JsonException">The text is not a JSON object.</exception>
    public static SessionCompletion? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        if (JsonNode.Parse(json) is not JsonObject obj)
        {
            throw new JsonException("Completion data must be a JSON object.");
        }

        var completion = new SessionCompletion();
        foreach (var (name, value) in obj)
        {
            switch (name)
            {
                case RpeName when TryNumber(value, out var rpe):
                    completion.Rpe = rpe;
                    break;
                case DurationName when TryNumber(value, out var duration):
                    completion.DurationMinutes = duration;
                    break;
                case DistanceName when TryNumber(value, out var distance):
                    completion.DistanceKm = distance;
                    break;
                default:
                    completion.OtherFields[name] = value?.DeepClone();
                    break;
            }
        }

        return completion;
    }

    /// <summary>Writes this completion data as a compact JSON object.</summary>
    /// <returns>The JSON text: the common fields first, then the others.</returns>
    public string ToJson()
    {
        var obj = new JsonObject();
        if (Rpe is { } rpe)
        {
            obj[RpeName] = rpe;
        }

        if (DurationMinutes is { } duration)
        {
            obj[DurationName] = duration;
        }

        if (DistanceKm is { } distance)
        {
            obj[DistanceName] = distance;
        }

        foreach (var (name, value) in OtherFields)
        {
            if (name is RpeName or DurationName or DistanceName && obj.ContainsKey(name))
            {
                continue;
            }

            obj[name] = value?.DeepClone();
        }

        return obj.ToJsonString();
    }

    private static bool TryNumber(JsonNode? node, out decimal value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value);
    }
}
