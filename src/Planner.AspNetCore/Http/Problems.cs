using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Planner.AspNetCore.Http;

/// <summary>The API's RFC 9457 problem details: a title per status, a detail written here, never an exception's text from the database.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", extensions: extensions);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"No {what} with this id is known here.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The change conflicts with the plan.", extensions: extensions);

    public static ProblemHttpResult PreconditionRequired(string what) =>
        TypedResults.Problem(
            $"A write of a {what} needs an If-Match header with the {what}'s current ETag (read it first).",
            statusCode: StatusCodes.Status428PreconditionRequired,
            title: "Precondition required.");

    public static ProblemHttpResult PreconditionFailed(string what, object? current) =>
        TypedResults.Problem(
            current is null
                ? $"The {what} was removed since it was read."
                : $"The {what} changed since it was read: 'current' holds it as it is now, and the ETag header its current ETag.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The ETag does not match.",
            extensions: new Dictionary<string, object?> { ["current"] = current });

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"The body is larger than {limit} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large.");

    public static ProblemHttpResult UnsupportedMediaType() =>
        TypedResults.Problem("Send the body as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");

    public static ProblemHttpResult Unexpected() =>
        TypedResults.Problem("The server could not complete the request.", statusCode: StatusCodes.Status500InternalServerError, title: "Unexpected error.");

    /// <summary>The status a problem result carries (for tests and filters).</summary>
    public static int? StatusOf(IResult result) => (result as IStatusCodeHttpResult)?.StatusCode;

    internal static ProblemDetails Details(ProblemHttpResult result) => result.ProblemDetails;
}
