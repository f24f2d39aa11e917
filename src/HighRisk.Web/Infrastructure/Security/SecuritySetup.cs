using System.Threading.RateLimiting;
using Hangfire.Dashboard;
using HighRisk.Features.Accounts;
using HighRisk.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace HighRisk.Infrastructure.Security;

/// <summary>Accounts, tokens, data protection keys, sign-in rate limit, CORS: everything about who may do what.</summary>
public static class SecuritySetup
{
    public static void AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var keysFolder = builder.Configuration["DataProtection:KeysFolder"] ?? Path.Combine(Startup.DataFolder(builder), "keys");
        services.AddDataProtection().SetApplicationName("HighRisk").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        services.AddSingleton(provider => new PersonalData(provider.GetRequiredService<IDataProtectionProvider>(), PersonalData.LoadHashKey(builder.Configuration, keysFolder)));

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
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
        services.AddAuthentication(IdentityConstants.BearerScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1));
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

    /// <summary>The Hangfire dashboard: administrators only.</summary>
    public sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().RequestServices.GetRequiredService<CurrentUser>().IsAdministrator;
    }
}
