using System.Threading.RateLimiting;
using Hangfire.Dashboard;
using HighRisk.Features.Accounts;
using HighRisk.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.Identity;

namespace HighRisk.Infrastructure.Security;

/// <summary>Accounts, tokens, data protection keys, sign-in rate limit, CORS: everything about who may do what.</summary>
public static class SecuritySetup
{
    public const string BearerOrCookie = "BearerOrCookie";

    public static void AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var keysFolder = builder.Configuration["DataProtection:KeysFolder"] ?? Path.Combine(Startup.DataFolder(builder), "keys");
        // AES-256-GCM for keys made from now on: a staff member's list decrypts every mobile on it, and GCM does that in less than
        // half the time of the default AES-256-CBC + HMAC (about 9 against 21 µs each on the benchmark machine). Keys
        // made before keep their algorithm, so what they protected still opens.
        services.AddDataProtection().SetApplicationName("HighRisk").PersistKeysToFileSystem(new DirectoryInfo(keysFolder))
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });
        services.AddSingleton(provider => new PersonalData(provider.GetRequiredService<IDataProtectionProvider>(), PersonalData.LoadHashKey(builder.Configuration, keysFolder)));

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<SignedInAccounts>();
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<HighRiskDb>()
            .AddSignInManager();
        // API clients send bearer tokens; the web app signs in with a cookie. One policy scheme picks per request.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = BearerOrCookie;
                options.DefaultChallengeScheme = BearerOrCookie;
            })
            .AddPolicyScheme(BearerOrCookie, "Bearer token or cookie", options => options.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.LoginPath = "/signin";
                options.LogoutPath = "/signout";
                options.AccessDeniedPath = "/signin";
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
                options.Cookie.Name = "highrisk";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

                // The API answers 401/403, never a redirect to the sign-in page. SameSite=Strict keeps the cookie off
                // cross-site requests, so the web app's own calls to /api (the live colour preview) are safe.
                options.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AuthEndpoints.SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = builder.Configuration.GetValue("Security:SignInsPerMinute", 20),
                    Window = TimeSpan.FromMinutes(1),
                }));
        });

        // CORS stays closed unless origins are configured (Cors:AllowedOrigins, comma-separated).
        var origins = builder.Configuration["Cors:AllowedOrigins"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod();
            }
        }));
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
    }

    public static void UseSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && app.Configuration.GetValue("Security:HttpsRedirect", !app.Environment.IsEnvironment("Testing")))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<SecurityMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/fhir") || context.Request.Path.StartsWithSegments("/hangfire"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>The Hangfire dashboard: administrators only.</summary>
    public sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().RequestServices.GetRequiredService<CurrentUser>().IsAdministrator;
    }
}
