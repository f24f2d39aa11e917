using System.Net;
using System.Text.Json;
using HighRisk.Features.Messaging;
using HighRisk.Features.Messaging.Providers;

namespace HighRisk.SmsProviders.Tests;

/// <summary>The webhook gateway over real HTTP against the fake's webhook receiver, built by hand (no service host).</summary>
public class WebhookGatewayTests
{
    private FakeSmsGateway _fake = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartFakeAsync() => _fake = await FakeSmsGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopFakeAsync() => await _fake.DisposeAsync();

    [SetUp]
    public async Task ResetAsync()
    {
        await _fake.ResetAsync();
        _http = TestGateways.Client();
    }

    [TearDown]
    public void DisposeClient() => _http.Dispose();

    [Test]
    public async Task SignedMessage_IsVerifiedAcceptedAndRecorded()
    {
        var message = TestGateways.Message();

        var result = await TestGateways.Webhook(_fake, _http).SendAsync(message, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Accepted), result.Error);
        var delivered = _fake.WebhookDelivered.Single();
        Assert.That(result.ProviderMessageId, Is.EqualTo(delivered.Id));
        Assert.That(delivered.MessageId, Is.EqualTo(message.Id));
        Assert.That(delivered.To, Is.EqualTo(TestGateways.Phone));
        Assert.That(delivered.Text, Is.EqualTo(message.Text));
        Assert.That(delivered.TemplateCode, Is.EqualTo("SMS_480245001"));
        Assert.That(JsonDocument.Parse(delivered.TemplateParams!).RootElement.GetProperty("township").GetString(), Is.EqualTo("楠竹山镇"));
    }

    [Test]
    public async Task WrongSecret_IsRefusedByTheReceiverAsPermanent()
    {
        var gateway = TestGateways.Webhook(_fake, _http, new Dictionary<string, string?> { ["Sms:Webhook:Secret"] = "not-the-secret" });

        var result = await gateway.SendAsync(TestGateways.Message(), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Permanent));
        Assert.That(result.Error, Does.Contain("HTTP 401"));
        Assert.That(_fake.WebhookDelivered, Is.Empty);
    }

    [Test]
    public void Signature_IsLowerCaseHexHmacSha256OfTheBody()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        var body = "what do ya want for nothing?"u8.ToArray();

        Assert.That(WebhookSmsGateway.Signature(body, "Jefe"), Is.EqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    [Test]
    public async Task SameMessageSentTwice_ReachesTheHandsetOnce()
    {
        var gateway = TestGateways.Webhook(_fake, _http);
        var message = TestGateways.Message();

        var first = await gateway.SendAsync(message, CancellationToken.None);
        var second = await gateway.SendAsync(message, CancellationToken.None);

        Assert.That(first.Outcome, Is.EqualTo(SmsSendOutcome.Accepted), first.Error);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(_fake.WebhookRequests, Is.EqualTo(2));
        Assert.That(_fake.WebhookDelivered, Has.Count.EqualTo(1));
    }

    [TestCase(503, SmsSendOutcome.Transient)]
    [TestCase(500, SmsSendOutcome.Transient)]
    [TestCase(429, SmsSendOutcome.Transient)]
    [TestCase(408, SmsSendOutcome.Transient)]
    [TestCase(425, SmsSendOutcome.Transient)]
    [TestCase(400, SmsSendOutcome.Permanent)]
    [TestCase(404, SmsSendOutcome.Permanent)]
    [TestCase(422, SmsSendOutcome.Permanent)]
    [TestCase(302, SmsSendOutcome.Permanent)]
    public async Task ReceiverStatus_MapsToOutcome(int status, SmsSendOutcome expected)
    {
        _fake.AnswerWebhookWith((HttpStatusCode)status);

        var result = await TestGateways.Webhook(_fake, _http).SendAsync(TestGateways.Message(), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(expected));
        Assert.That(result.Error, Does.Contain($"HTTP {status}"));
    }

    [Test]
    public async Task ReceiverDown_IsTransient()
    {
        await _fake.GoDownAsync();

        var result = await TestGateways.Webhook(_fake, _http).SendAsync(TestGateways.Message(), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Transient));
    }

    [Test]
    public async Task ReceiverHanging_IsTransientWhenTheTimeoutPasses()
    {
        _fake.Hang(TimeSpan.FromSeconds(30));
        var gateway = TestGateways.Webhook(_fake, _http, new Dictionary<string, string?> { ["Sms:TimeoutSeconds"] = "0.5" });

        var result = await gateway.SendAsync(TestGateways.Message(), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Transient));
        Assert.That(result.Error, Does.StartWith("timeout"));
    }
}
