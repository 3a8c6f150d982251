using System.Net;
using Planner.AspNetCore.Tests.Infrastructure;
using static Planner.AspNetCore.Tests.Infrastructure.Json;

namespace Planner.AspNetCore.Tests.Http;

/// <summary>The OpenAPI document a host gets with AddOpenApi/MapOpenApi describes the planner's routes, bodies and statuses.</summary>
public sealed class OpenApiTests(SqliteApiHost host) : IClassFixture<SqliteApiHost>
{
    [Fact]
    public async Task The_document_lists_every_route_with_its_response_types()
    {
        var response = await host.Client("anyone").GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ReadAsync(response);
        var paths = document.GetProperty("paths");

        foreach (var path in new[]
        {
            "/planner/programs/{programId}/calendar", "/planner/programs/{programId}/today", "/planner/programs/{programId}/week",
            "/planner/programs/{programId}/compliance/blocks", "/planner/programs/{programId}/compliance/weeks",
            "/planner/goals/{goalId}/blocks", "/planner/goals/{goalId}/programs", "/planner/days/{dayId}",
            "/planner/days/{dayId}/sessions", "/planner/days/{dayId}/sessions/order", "/planner/sessions/{sessionId}",
            "/planner/sessions/{sessionId}/move", "/planner/sessions/{sessionId}/completion", "/planner/blocks/{blockId}/shift",
            "/planner/blocks/{blockId}/shift/preview", "/planner/blocks/{blockId}/reschedule", "/planner/blocks/{blockId}/reschedule/preview", "/planner/programs/{programId}/weeks/copy", "/planner/programs/{programId}/start",
            "/planner/programs/{programId}/feeds", "/planner/programs/{programId}/feeds/{feedId}", "/planner/feeds/{token}.ics",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }

        var patch = paths.GetProperty("/planner/days/{dayId}").GetProperty("patch");
        Assert.True(patch.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "200", "400", "404", "412", "428" })
        {
            Assert.True(patch.GetProperty("responses").TryGetProperty(status, out _), $"PATCH day: no {status}");
        }

        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("DayResponse", out _));
    }
}
