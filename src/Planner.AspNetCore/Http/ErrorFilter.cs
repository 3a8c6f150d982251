using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Planner.Model.Planning;
using Planner.Model.Scheduling;

namespace Planner.AspNetCore.Http;

/// <summary>
/// Turns the planning API's exceptions into problem details: a stale stamp is 412 with what is current,
/// an unknown id 404, bad input 400, a write the database refused 409. Anything else is logged and
/// answered 500 without its text: no stack trace, no SQL, no entity internals leave the server.
/// </summary>
internal static partial class ErrorFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (PlanConcurrencyException e)
        {
            var http = context.HttpContext;
            if (e.CurrentDay is { } day)
            {
                http.Response.Headers.ETag = ETags.Of(day);
                return Problems.PreconditionFailed("day", Contracts.ToResponse(day));
            }

            if (e.CurrentSession is { } session)
            {
                http.Response.Headers.ETag = ETags.Of(session);
                return Problems.PreconditionFailed("session", new
                {
                    session.Id,
                    session.Position,
                    session.Slot,
                    session.Notes,
                    session.IsCompleted,
                    session.TemplateId,
                    session.TemplateName,
                    ETag = ETags.Of(session),
                });
            }

            return Problems.PreconditionFailed("day or session", null);
        }
        catch (KeyNotFoundException)
        {
            return Problems.NotFound("day, session, template or program");
        }
        catch (UnknownReferenceException e)
        {
            return Problems.BadRequest(
                "The request names templates or goals that do not exist.",
                new Dictionary<string, object?> { ["templateIds"] = e.TemplateIds, ["goalIds"] = e.GoalIds });
        }
        catch (LoggedWorkException e)
        {
            return Problems.Conflict(
                "Logged work is in the way: the change would delete sessions or days that hold work done.",
                new Dictionary<string, object?> { ["loggedSessions"] = e.LoggedSessions, ["loggedDays"] = e.LoggedDays });
        }
        catch (SpanTooLongException e)
        {
            return Problems.BadRequest(
                $"The dates span more than {e.MaxDays} days.",
                new Dictionary<string, object?> { ["maxDays"] = e.MaxDays });
        }
        catch (BlockOverlapException e)
        {
            // The planning API refuses a block whose dates overlap another block of its program.
            return Problems.Conflict(e.Message);
        }
        catch (ArgumentException e)
        {
            // The planning API's own validation (readiness 1..10, a date no block covers, ...): its
            // messages are written for callers and name only what the caller sent.
            return Problems.BadRequest(e.Message);
        }
        catch (DbUpdateException e)
        {
            Log(context.HttpContext, e, "refused write");
            return Problems.Conflict("The database refused the change: it conflicts with data already there (an id in use, or a row removed meanwhile).");
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log(context.HttpContext, e, "unexpected error");
            return Problems.Unexpected();
        }
    }

    private static void Log(HttpContext http, Exception e, string what)
    {
        var logger = http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("Planner.AspNetCore");
        if (logger is not null)
        {
            LogFailure(logger, e, what, http.Request.Method, http.Request.Path);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Planner API {What} on {Method} {Path}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string what, string method, PathString path);
}
