using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// The one place where failures become RFC 9457 problem details: 400 naming each invalid field (validation, malformed
/// JSON, wrong types, unknown enum values, oversized bodies), 404, 409, 422; anything else is a logged 500.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, IHostEnvironment environment, ILogger<ProblemDetailsExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException v => Invalid(v.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Invalid(new() { ["body"] = ["The request body is too large."] }),
            BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
            JsonException json => FromJson(json),
            BadHttpRequestException bad when bad.Message.Contains("no body was provided", StringComparison.Ordinal) =>
                Invalid(new() { ["body"] = ["The request needs a JSON body."] }),
            BadHttpRequestException bad when bad.Message.StartsWith("Expected a supported JSON media type", StringComparison.Ordinal) =>
                Invalid(new() { ["body"] = ["Send the body as JSON, with Content-Type: application/json."] }),
            BadHttpRequestException bad => Invalid(new() { [FieldOf(bad.Message)] = [bad.Message] }),
            NotFoundException nf => Problem(StatusCodes.Status404NotFound, "Not found", nf.Message),
            ConflictException c => WithExtensions(Problem(StatusCodes.Status409Conflict, "Conflict", c.Message), c.Extensions),
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
    /// Status codes set without an exception (unknown routes, wrong methods, bodies over the size limit, which minimal
    /// APIs answer 413 without throwing) become problem details too; an oversized body is a 400 naming the body.
    /// </summary>
    public static async Task WriteStatusCodeProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = http.Response.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => Invalid(new() { ["body"] = ["The request body is too large."] }),
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "Unsupported media type",
                Detail = "Send the body as JSON, with Content-Type: application/json.",
            },
            _ => new ProblemDetails { Status = http.Response.StatusCode },
        };
        http.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private static ValidationProblemDetails Invalid(Dictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is invalid",
        Detail = "See errors: each key names a field of the request.",
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
    };

    private static ValidationProblemDetails FromJson(JsonException json)
    {
        var field = json.Path is null or "$" ? "body" : json.Path.TrimStart('$', '.');
        var message = json.Path is null ? "The body is not valid JSON." : $"The value at '{field}' is malformed or of the wrong type.";
        if (json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            message = $"'{field}' is not a known field.";
        }

        return Invalid(new() { [field] = [message] });
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = status switch
        {
            404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
            409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
            422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
            _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        },
    };

    private static ProblemDetails WithExtensions(ProblemDetails problem, IReadOnlyDictionary<string, object?> extensions)
    {
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>Minimal-API binding messages name the parameter in quotes: 'Failed to bind parameter "Guid id"...'.</summary>
    private static string FieldOf(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (start < 0 || end < 0)
        {
            return "body";
        }

        var parameter = message[(start + 1)..end];
        var space = parameter.LastIndexOf(' ');
        return space < 0 ? parameter : parameter[(space + 1)..];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
