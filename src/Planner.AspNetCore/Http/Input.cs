using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Planner.AspNetCore.Http;

/// <summary>Reading what a request sends, with a 400 that says what was expected when it does not fit.</summary>
internal static class Input
{
    public static bool TryDate(string? text, string name, out LocalDate date, [NotNullWhen(false)] out IResult? problem)
    {
        problem = null;
        date = default;
        if (text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed)
        {
            date = parsed.Value;
            return true;
        }

        problem = Problems.BadRequest(
            text is null
                ? $"'{name}' is required: a date as yyyy-MM-dd."
                : $"'{name}' must be a date as yyyy-MM-dd (ISO 8601), got '{Shorten(text)}'.",
            new Dictionary<string, object?> { ["field"] = name, ["expected"] = "yyyy-MM-dd" });
        return false;
    }

    public static bool TryZone(string? id, out DateTimeZone zone, [NotNullWhen(false)] out IResult? problem)
    {
        problem = null;
        zone = DateTimeZone.Utc;
        if (id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } found)
        {
            zone = found;
            return true;
        }

        problem = Problems.BadRequest(
            id is null
                ? "'zone' is required: an IANA time zone id such as Europe/Paris or America/New_York."
                : $"'zone' must be an IANA time zone id such as Europe/Paris or America/New_York, got '{Shorten(id)}'.",
            new Dictionary<string, object?> { ["field"] = "zone", ["expected"] = "IANA time zone id" });
        return false;
    }

    public static bool TryWindow(LocalDate from, LocalDate to, int maxDays, [NotNullWhen(false)] out IResult? problem)
    {
        problem = null;
        if (to < from)
        {
            problem = Problems.BadRequest($"'to' ({Contracts.Iso(to)}) is before 'from' ({Contracts.Iso(from)}).");
            return false;
        }

        var days = Period.Between(from, to, PeriodUnits.Days).Days + 1;
        if (days > maxDays)
        {
            problem = Problems.BadRequest(
                $"The window covers {days} days; at most {maxDays} may be read at once.",
                new Dictionary<string, object?> { ["maxDays"] = maxDays });
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reads a JSON body of at most <see cref="PlannerApiOptions.MaxRequestBodySize"/> bytes: 415 when it
    /// is not JSON, 413 when too large, 400 when malformed or of the wrong shape (with the JSON path).
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpContext http)
        where T : class
    {
        var (document, problem) = await ReadDocumentAsync(http);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problems.BadRequest("The body must be a JSON object."));
            }

            try
            {
                var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                var value = document.RootElement.Deserialize<T>(options);
                return value is null ? (null, Problems.BadRequest("The body must be a JSON object.")) : (value, null);
            }
            catch (JsonException e)
            {
                return (null, Problems.BadRequest(
                    $"The body has a value of the wrong type at {e.Path ?? "$"}.",
                    new Dictionary<string, object?> { ["path"] = e.Path }));
            }
        }
    }

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadDocumentAsync(HttpContext http)
    {
        var request = http.Request;
        var limit = http.RequestServices.GetRequiredService<IOptions<PlannerApiOptions>>().Value.MaxRequestBodySize;
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (null, Problems.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(limit));
        }

        try
        {
            return (JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 }), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest(
                $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).",
                new Dictionary<string, object?> { ["expected"] = "a JSON object" }));
        }
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
