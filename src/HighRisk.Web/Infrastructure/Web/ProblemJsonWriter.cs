namespace HighRisk.Infrastructure.Web;

/// <summary>
/// Every error is answered as <c>application/problem+json</c>, whatever the client's Accept header says. ASP.NET Core's
/// own writer declines a client that does not name JSON (<c>text/html</c>, <c>application/xml</c>, <c>text/plain</c>); with
/// no other writer the problem was dropped: a 400 or 409 went out without its body, and a status-code page (401, 404,
/// 405, 415, 429) threw and became an empty 500. RFC 9457 lets a server answer problem+json to any request, and the
/// API answers JSON whatever is asked anyway. This wraps the framework's writer (its defaults, trace id and JSON
/// options stay as they are) and drops only its Accept check. Razor pages render their own HTML and never get here.
/// </summary>
public sealed class ProblemJsonWriter(IProblemDetailsWriter framework) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context) => framework.WriteAsync(context);

    /// <summary>Call after <c>AddProblemDetails</c>: puts this writer where the framework's was, wrapping it.</summary>
    public static IServiceCollection AddProblemJsonForAnyAccept(IServiceCollection services)
    {
        var index = -1;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IProblemDetailsWriter) && services[i].ImplementationType?.Name == "DefaultProblemDetailsWriter")
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            throw new InvalidOperationException("ASP.NET Core's DefaultProblemDetailsWriter is not registered: call AddProblemDetails first (or the framework renamed it).");
        }

        var framework = services[index].ImplementationType!;
        services[index] = ServiceDescriptor.Singleton<IProblemDetailsWriter>(provider =>
            new ProblemJsonWriter((IProblemDetailsWriter)ActivatorUtilities.CreateInstance(provider, framework)));
        return services;
    }
}
