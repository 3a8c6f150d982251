using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Planner.AspNetCore.Tests.Infrastructure;

/// <summary>Small helpers to send JSON and read answers.</summary>
public static class Json
{
    public static StringContent Body(object value) =>
        new(JsonSerializer.Serialize(value, new JsonSerializerOptions(JsonSerializerDefaults.Web)), Encoding.UTF8, "application/json");

    public static StringContent Raw(string text) => new(text, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status and that the body is a problem details document of it; returns the body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await ReadAsync(response);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        var text = body.GetRawText();
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("SELECT", text, StringComparison.OrdinalIgnoreCase);
        return body;
    }

    public static HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content = null, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        return request;
    }

    public static string ETag(HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("no ETag");
}
