using FluentValidation;
using Hangfire;
using HighRisk.Features.Accounts;
using HighRisk.Features.Admin;
using HighRisk.Features.Alerts;
using HighRisk.Features.Audit;
using HighRisk.Features.Cases;
using HighRisk.Features.Consultations;
using HighRisk.Features.Deaths;
using HighRisk.Features.Demo;
using HighRisk.Features.Divisions;
using HighRisk.Features.Fhir;
using HighRisk.Features.Indicators;
using HighRisk.Features.Messaging;
using HighRisk.Features.Overdue;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Jobs;
using HighRisk.Infrastructure.Mediation;
using HighRisk.Infrastructure.Security;
using HighRisk.Infrastructure.Web;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
if (args.Contains("--demo"))
{
    builder.Configuration["Demo:Enabled"] = "true";
}

if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

var localPostgres = await Startup.EnsureDatabaseAsync(builder);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<BusinessClock>();
builder.Services.AddSingleton<DatabaseOutage>();
builder.Services.AddDbContext<HighRiskDb>((services, options) =>
    HighRiskDbOptions.Configure(options, services.GetRequiredService<IConfiguration>().GetConnectionString("HighRisk")));
builder.Services.AddListReads(builder.Configuration);
builder.Services.AddScoped<ReferenceDataSeeder>();
builder.Services.AddSingleton<HighRisk.Features.Divisions.KnownFacilities>();
builder.Services.AddSingleton<HighRisk.Features.Divisions.DivisionNames>();
builder.Services.AddSingleton<HighRisk.Features.Divisions.FacilityNames>();
builder.Services.AddSingleton<DemoSeeder>();

var catalogue = Startup.LoadCatalogue(builder.Configuration);
builder.Services.AddSingleton(catalogue);
builder.Services.AddSingleton(new RiskEngine(catalogue));
builder.Services.AddSingleton<PregnancyGrader>();
builder.Services.AddSingleton(Startup.LoadFollowUpPolicy(builder.Configuration));
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddMessaging(builder.Configuration);
builder.Services.AddScoped<OverdueRows>();
builder.Services.AddScoped<FollowUpReviews>();
builder.Services.AddScoped<OverdueSnapshot>();
builder.Services.AddScoped<OverdueDigests>();
builder.Services.AddSingleton(HighRisk.Features.Messaging.MessageSettings.From(builder.Configuration));
builder.Services.AddScoped<AlertRecipients>();
builder.Services.AddScoped<AlertSms>();
builder.Services.AddScoped<CaseLookups>();
builder.Services.AddScoped<CaseDigests>();
builder.Services.AddSingleton(Startup.LoadCasePolicy(builder.Configuration));
builder.Services.AddSingleton(Startup.LoadReferralPolicy(builder.Configuration));
builder.Services.AddSingleton(Startup.LoadTransferPolicy(builder.Configuration));
builder.Services.AddScoped<HighRisk.Features.Referrals.ReferralAccess>();
builder.Services.AddScoped<HighRisk.Features.Pregnancies.PossibleDuplicates>();
builder.Services.AddScoped<HighRisk.Features.Referrals.ReferralMessages>();
builder.Services.AddSingleton(Startup.LoadConsultationPolicy(builder.Configuration));
builder.Services.AddSingleton(Startup.LoadSmsTemplates(builder.Configuration));
builder.Services.AddSingleton<DailyOverdueCatchUp>();
builder.Services.AddSingleton(HighRisk.Features.Reminders.ReminderPolicy.Load(builder.Configuration));
builder.Services.AddScoped<HighRisk.Features.Reminders.ReminderPlanner>();
builder.Services.AddSingleton<HighRisk.Features.Alerts.AlertsReachSomeoneCheck>();
builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
    .AddCheck<HighRisk.Features.Alerts.AlertsReachSomeoneCheck>("alerts", tags: ["ready"]);

builder.AddSecurity();
builder.AddTelemetry();
builder.Services.AddScoped<AuditTrail>();
builder.Services.AddScoped<DomainEventDispatcher>();
builder.Services.AddScoped<AccountSeeder>();
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(HighRisk.Features.Referrals.ReferralAccessBehavior<,>), typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>), typeof(AuditBehavior<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
ValidatorOptions.Global.PropertyNameResolver = ApiNames.PropertyName;
ValidatorOptions.Global.DisplayNameResolver = ApiNames.PropertyName;

builder.Services.ConfigureHttpJsonOptions(options => ApiJsonContext.Configure(options.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 256 * 1024);
builder.Services.AddProblemDetails();
ProblemJsonWriter.AddProblemJsonForAnyAccept(builder.Services);
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddOpenApi(options => OpenApiDocumentation.Configure(options));
builder.Services.AddFhir();

// The web app (Razor Pages under Pages/): Chinese by default, English by switch, signed in with a cookie.
// Pages are in Chinese: Razor writes CJK (and every other script) as text rather than numeric character references, which
// would make the HTML unreadable and about a third larger. HTML-significant characters are still encoded.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/");
    options.Conventions.AllowAnonymousToPage("/SignIn");
});
builder.Services.AddRequestLocalization(options =>
{
    string[] cultures = ["zh-CN", "en"];
    options.SetDefaultCulture("zh-CN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
    options.RequestCultureProviders = [new Microsoft.AspNetCore.Localization.QueryStringRequestCultureProvider(), new Microsoft.AspNetCore.Localization.CookieRequestCultureProvider()];
});

var app = builder.Build();
if (localPostgres is not null)
{
    app.Lifetime.ApplicationStopped.Register(() => localPostgres.StopAsync().GetAwaiter().GetResult());
}

// Migrations, reference data and the first accounts: a start-up step locally, the `--migrate` deploy step in
// production (Database:MigrateOnStart=false), so that many pods starting at once do not race over them.
var migrateOnly = args.Contains("--migrate");
if (migrateOnly || app.Configuration.GetValue("Database:MigrateOnStart", true))
{
    await Startup.PrepareDatabaseAsync(app);
}

if (migrateOnly)
{
    return;
}

if (app.Configuration.GetValue("Demo:Enabled", false))
{
    await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(app.Configuration.GetValue("Demo:Women", 300), Startup.SeedsFolder(app.Configuration), CancellationToken.None);
}

// After the demo women exist, so that a missed morning's list (and today's, after 07:00) includes them.
if (Jobs.RunsWorker(app.Configuration))
{
    RecurringJobs.Register(app.Services, app.Configuration);
    Startup.QueueCatalogueUpgradeIfNeeded(app);
    await app.Services.GetRequiredService<DailyOverdueCatchUp>().QueueMissedAsync(CancellationToken.None);
}

app.UseMiddleware<RequestLogging>();
app.UseExceptionHandler();
app.UseStatusCodePages(ProblemDetailsExceptionHandler.WriteStatusCodeProblemAsync);
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseSecurity();
app.UseMiddleware<InputGuard>();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
{
    Predicate = c => c.Tags.Contains("ready"),
    ResponseWriter = HealthReportText.WriteAsync,
}).AllowAnonymous();
app.UseHangfireDashboard("/hangfire", new DashboardOptions { DisplayStorageConnectionString = false, Authorization = [new SecuritySetup.AdministratorsOnly()] });
if (Jobs.ServesApi(app.Configuration))
{
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference("/scalar").AllowAnonymous();
    app.MapRazorPages();

    var api = app.MapGroup("/api");
    api.MapAuth();
    api.MapPregnancies();
    api.MapCases();
    HighRisk.Features.Referrals.ReferralsEndpoints.MapReferrals(api);
    HighRisk.Features.Transfers.TransfersEndpoints.MapTransfers(api);
    api.MapConsultations();
    api.MapIndicators();
    api.MapDeathReports();
    api.MapDivisions();
    api.MapRisk();
    api.MapOverdue();
    api.MapAlerts();
    api.MapSmsReceipts();
    HighRisk.Features.Reminders.RemindersEndpoints.MapReminders(api);
    api.MapAdmin();
    app.MapFhir();
}

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("HighRisk is serving on {Urls}: the API under /api, OpenAPI at /openapi/v1.json, API reference at /scalar", string.Join(", ", app.Urls)));
await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
