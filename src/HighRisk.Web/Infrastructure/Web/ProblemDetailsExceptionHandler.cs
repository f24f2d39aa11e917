using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// The one place where failures become RFC 9457 problem details, by the exception's type: 400 naming each invalid field
/// (validation, and requests that could not be read: see <see cref="RequestFailures"/>), 404, 409, 422; anything else
/// is a logged 500. A 400 lists each field's messages under <c>errors</c> and their codes, in the same order, under
/// <c>errorCodes</c>; a 409 gives its code as <c>code</c>.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, IHostEnvironment environment, ILogger<ProblemDetailsExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseOutage.IsUnavailable(exception))
        {
            http.RequestServices.GetRequiredService<DatabaseOutage>().Failed(exception);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = Unavailable(), Exception = exception });
        }

        var problem = exception switch
        {
            ValidationException v => Invalid(v.Errors),
            BadHttpRequestException bad => Invalid([RequestFailures.Of(bad)]),
            JsonException json => Invalid([RequestFailures.Of(json)]),
            NotFoundException nf => Problem(StatusCodes.Status404NotFound, "Not found", nf.Message),
            ConflictException c => Conflict(c),
            ForbiddenException f => Forbidden(f),
            UnprocessableException u => Problem(StatusCodes.Status422UnprocessableEntity, "Unprocessable request", u.Message),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(log, exception, http.Request.Method, http.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Server error", "An unexpected error occurred; it has been logged.");
            if (!environment.IsProduction())
            {
                problem.Extensions["exception"] = exception.ToString();
            }
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// Status codes set without an exception (unknown routes, wrong methods, missing sign-in, rate limits, bodies over the
    /// size limit, which minimal APIs answer 413 without throwing) become problem details too; an oversized body is a
    /// 400 naming the body.
    /// </summary>
    public static async Task WriteStatusCodeProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = http.Response.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => Invalid([Messages.BodyTooLarge.At("body")]),
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType, Title = "Unsupported media type", Detail = Messages.BodyNotJson.ApiText(),
            },
            _ => new ProblemDetails { Status = http.Response.StatusCode },
        };
        http.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>Each field's messages (each once) and, in the same order, their codes.</summary>
    private static ValidationProblemDetails Invalid(IEnumerable<ValidationFailure> failures)
    {
        var fields = failures.GroupBy(f => f.PropertyName).Select(g => (Field: g.Key, Failures: g.DistinctBy(f => f.ErrorMessage).ToList())).ToList();
        var problem = new ValidationProblemDetails(fields.ToDictionary(f => f.Field, f => f.Failures.Select(e => e.ErrorMessage).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid",
            Detail = "See errors: each key names a field of the request.",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        };
        problem.Extensions["errorCodes"] = fields.ToDictionary(f => f.Field, f => f.Failures.Select(e => e.ErrorCode).ToArray());
        return problem;
    }

    private static ProblemDetails Conflict(ConflictException conflict)
    {
        var problem = Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message);
        foreach (var (key, value) in conflict.Extensions)
        {
            problem.Extensions[key] = value;
        }

        problem.Extensions["code"] = conflict.Code;
        return problem;
    }

    /// <summary>The database cannot be reached: nothing was done; the client may retry after Retry-After.</summary>
    private static ProblemDetails Unavailable()
    {
        var problem = Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", Messages.DatabaseUnavailable.ApiText(("Seconds", DatabaseOutage.RetryAfterSeconds)));
        problem.Extensions["code"] = Messages.DatabaseUnavailable.Code;
        return problem;
    }

    private static ProblemDetails Forbidden(ForbiddenException forbidden)
    {
        var problem = Problem(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message);
        problem.Extensions["code"] = forbidden.Code;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = status switch
        {
            403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
            404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
            409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
            422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
            503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
            _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        },
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
