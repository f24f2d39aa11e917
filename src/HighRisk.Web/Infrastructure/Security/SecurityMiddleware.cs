using HighRisk.Features.Accounts;
using HighRisk.Infrastructure.Data;

namespace HighRisk.Infrastructure.Security;

/// <summary>
/// Loads the signed-in user's account for the request (a token of a disabled or deleted account answers 401) and
/// adds the security headers every response carries.
/// </summary>
public sealed class SecurityMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, CurrentUser user, HighRiskDb db)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";

        if (http.User.Identity?.IsAuthenticated == true && await user.LoadAsync(db, http.RequestAborted) is null)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await next(http);
    }
}
