using HighRisk.SmsProviders.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HighRisk.Web.Tests.Infrastructure;

/// <summary>
/// The real service on Kestrel at a free loopback port (the browser tests need a real socket), on the given database
/// and clock, its log kept in <see cref="Logs"/>. Hangfire keeps process-wide state, so only one may run at a time.
/// </summary>
public sealed class ServiceHost : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-Test-2026";

    /// <summary>Delivery receipts from a webhook provider are checked against this secret (SMS itself goes out through the fake Alibaba Cloud).</summary>
    public const string WebhookReceiptSecret = "test-webhook-receipt-secret-of-32-characters-or-more";

    private static readonly string[] RecurringJobs =
    [
        "DailyOverdueCron", "SmsDeliveryCron", "MailDeliveryCron", "AlertEscalationCron", "AuditRetentionCron", "ConsultationReviewCron", "CaseReviewCron",
        "ReferralReviewCron", "TransferReviewCron", "RemindersCron",
    ];

    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider _clock;

    private ServiceHost(string connectionString, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings)
    {
        _clock = clock;
        _settings = new Dictionary<string, string?>(FakeSmsGateway.Shared.AliyunSettings)
        {
            ["ConnectionStrings:HighRisk"] = connectionString,
            ["DataFolder"] = TestCluster.DataFolder,
            ["Seed:AdminPassword"] = AdminPassword,
            ["Security:SignInsPerMinute"] = "100000",
            ["Sms:Webhook:Secret"] = WebhookReceiptSecret,
        };

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // Recurring jobs would run on the wall clock in the middle of a test; the tests run each job when they mean to.
        foreach (var job in RecurringJobs)
        {
            _settings[$"Jobs:{job}"] = "0 0 31 2 *";
        }
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Starts the service; <paramref name="settings"/> adds to or replaces the test settings.</summary>
    public static ServiceHost Start(string connectionString, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new ServiceHost(connectionString, clock, settings);
        host.UseKestrel();
        host.StartServer();
        return host;
    }

    // Host configuration is in place when Program.cs reads builder.Configuration on its first lines (settings given
    // through ConfigureWebHost arrive only when the host is built: dotnet/aspnetcore#37680).
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services => services.AddSingleton(_clock));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
    }
}
