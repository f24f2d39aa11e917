using HighRisk.Features.Messaging;
using HighRisk.Features.Messaging.Providers;
using HighRisk.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HighRisk.SmsProviders.Tests;

// The namespace HighRisk.SmsProviders.Tests lies outside HighRisk.Web.Tests on purpose: these fixtures need neither a
// service nor a database, so a filtered run (FullyQualifiedName~SmsProvider) does not start the test cluster (TestCluster,
// a [SetUpFixture] for HighRisk.Web.Tests). In a full run they share the assembly with it, which is harmless.

/// <summary>Gateways built by hand against a fake (no service host), and outbox messages to send through them.</summary>
internal static class TestGateways
{
    public const string Phone = "13800138000";

    /// <summary>A client like the service's: no redirects, and no pooled connection outlives a fake that went down.</summary>
    public static HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionIdleTimeout = TimeSpan.FromMilliseconds(200) });

    /// <summary>The business clock of a gateway built outside the service: the real one.</summary>
    public static readonly BusinessClock SystemClock = new(TimeProvider.System);

    /// <summary>An Alibaba Cloud gateway to the fake; <paramref name="clock"/> is the service's when it sends the service's outbox.</summary>
    public static AliyunSmsGateway Aliyun(
        FakeSmsGateway fake, HttpClient http, IDictionary<string, string?>? changes = null, ILogger<AliyunSmsGateway>? log = null, BusinessClock? clock = null) =>
        new(http, Configuration(fake.AliyunSettings, changes), clock ?? SystemClock, log ?? NullLogger<AliyunSmsGateway>.Instance);

    public static WebhookSmsGateway Webhook(FakeSmsGateway fake, HttpClient http, IDictionary<string, string?>? changes = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "webhook",
            ["Sms:Webhook:Url"] = fake.WebhookAddress.ToString(),
            ["Sms:Webhook:Secret"] = fake.WebhookSecret,
        };
        return new(http, Configuration(settings, changes), NullLogger<WebhookSmsGateway>.Instance);
    }

    public static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string?>> settings, IDictionary<string, string?>? changes = null)
    {
        var merged = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(merged).Build();
    }

    /// <summary>A digest-like outbox row: a template with JSON parameters unless told otherwise.</summary>
    public static SmsMessage Message(string phone = Phone, string? templateCode = "SMS_480245001", string? templateParams = """{"township":"楠竹山镇","total":"3"}""", Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(),
        DedupKey = $"test:{Guid.NewGuid():N}",
        Kind = SmsKind.Digest,
        Recipient = phone,
        Text = "【高危孕产妇管理】楠竹山镇3月16日逾期随访3人：红1 橙2",
        TemplateCode = templateCode,
        TemplateParams = templateParams,
        Status = SmsStatus.Sending,
        CreatedAt = DateTimeOffset.UtcNow,
        NextAttemptAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddHours(12),
    };
}
