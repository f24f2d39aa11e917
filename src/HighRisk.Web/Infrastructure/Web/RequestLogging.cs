using System.Diagnostics;

namespace HighRisk.Infrastructure.Web;

/// <summary>
/// One log line per request: method, path, status, duration. Never the query string — searches carry names, mobile
/// and ID numbers — and never bodies. (ASP.NET Core's own request lines include the query, so they are turned off.)
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            LogRequest(log, http.Request.Method, http.Request.Path, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} -> {Status} in {Milliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double milliseconds);
}
