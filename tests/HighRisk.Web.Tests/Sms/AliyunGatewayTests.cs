using System.Diagnostics;
using System.Text.Json;
using HighRisk.Features.Messaging;
using HighRisk.Features.Messaging.Providers;
using Microsoft.Extensions.Logging.Abstractions;

namespace HighRisk.SmsProviders.Tests;

/// <summary>The Alibaba Cloud gateway over real HTTP against the fake on 127.0.0.1, built by hand (no service host).</summary>
public class AliyunGatewayTests
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
    public async Task TemplateMessage_IsAcceptedAndDeliveredOnceWithItsParams()
    {
        var message = TestGateways.Message();

        var result = await TestGateways.Aliyun(_fake, _http).SendAsync(message, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Accepted), result.Error);
        var delivered = _fake.Delivered.Single();
        Assert.That(result.ProviderMessageId, Is.EqualTo(delivered.BizId));
        Assert.That(delivered.Phone, Is.EqualTo(TestGateways.Phone));
        Assert.That(delivered.OutId, Is.EqualTo(message.Id.ToString("N")));
        Assert.That(delivered.TemplateCode, Is.EqualTo("SMS_480245001"));
        Assert.That(JsonDocument.Parse(delivered.TemplateParams!).RootElement.GetProperty("township").GetString(), Is.EqualTo("楠竹山镇"));
    }

    [Test]
    public async Task MessageWithoutTemplate_GoesOutOnDefaultTemplateWithTextAsContent()
    {
        var message = TestGateways.Message(templateCode: null, templateParams: null);

        var result = await TestGateways.Aliyun(_fake, _http).SendAsync(message, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Accepted), result.Error);
        var delivered = _fake.Delivered.Single();
        Assert.That(delivered.TemplateCode, Is.EqualTo(FakeSmsGateway.DefaultTemplateCode));
        Assert.That(JsonDocument.Parse(delivered.TemplateParams!).RootElement.GetProperty("content").GetString(), Is.EqualTo(message.Text));
    }

    [Test]
    public async Task MessageWithoutTemplateAndNoDefault_IsPermanentWithoutARequest()
    {
        var gateway = TestGateways.Aliyun(_fake, _http, new Dictionary<string, string?> { ["Sms:Aliyun:DefaultTemplateCode"] = null });

        var result = await gateway.SendAsync(TestGateways.Message(templateCode: null, templateParams: null), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Permanent));
        Assert.That(result.Error, Does.Contain("Sms:Aliyun:DefaultTemplateCode"));
        Assert.That(_fake.AliyunRequests, Is.Zero);
    }

    [Test]
    public async Task SameMessageSentTwice_ReachesTheHandsetOnce()
    {
        var gateway = TestGateways.Aliyun(_fake, _http);
        var message = TestGateways.Message();

        var first = await gateway.SendAsync(message, CancellationToken.None);
        var second = await gateway.SendAsync(message, CancellationToken.None);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Outcome, Is.EqualTo(SmsSendOutcome.Accepted), first.Error);
        Assert.That(_fake.AliyunRequests, Is.EqualTo(2));
        Assert.That(_fake.DeliveredTo(TestGateways.Phone), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task WrongSecret_IsPermanentSignatureDoesNotMatchWithoutNumberOrText()
    {
        var gateway = TestGateways.Aliyun(_fake, _http, new Dictionary<string, string?> { ["Sms:Aliyun:AccessKeySecret"] = "not-the-secret" });
        var message = TestGateways.Message(templateCode: null, templateParams: null);

        var result = await gateway.SendAsync(message, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Permanent));
        Assert.That(result.Error, Does.Contain("SignatureDoesNotMatch").And.Not.Contain(TestGateways.Phone).And.Not.Contain("TemplateParam"));
        Assert.That(_fake.Delivered, Is.Empty);
    }

    [Test]
    public async Task UnknownAccessKey_IsPermanent()
    {
        var gateway = TestGateways.Aliyun(_fake, _http, new Dictionary<string, string?> { ["Sms:Aliyun:AccessKeyId"] = "LTAI-someone-else" });

        var result = await gateway.SendAsync(TestGateways.Message(), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Permanent));
        Assert.That(result.Error, Does.Contain("InvalidAccessKeyId.NotFound"));
    }

    [Test]
    public async Task Throttled_IsTransientThenAcceptedOnceTheLimitPasses()
    {
        var gateway = TestGateways.Aliyun(_fake, _http);
        var message = TestGateways.Message();
        _fake.Throttle(1);

        var throttled = await gateway.SendAsync(message, CancellationToken.None);
        var retried = await gateway.SendAsync(message, CancellationToken.None);

        Assert.That(throttled.Outcome, Is.EqualTo(SmsSendOutcome.Transient));
        Assert.That(throttled.Error, Does.Contain("isv.BUSINESS_LIMIT_CONTROL"));
        Assert.That(retried.Outcome, Is.EqualTo(SmsSendOutcome.Accepted), retried.Error);
        Assert.That(_fake.Delivered, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task IllegalNumber_IsPermanent()
    {
        _fake.FailNumber("13900139000");

        var result = await TestGateways.Aliyun(_fake, _http).SendAsync(TestGateways.Message(phone: "13900139000"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Permanent));
        Assert.That(result.Error, Does.Contain("isv.MOBILE_NUMBER_ILLEGAL"));
        Assert.That(_fake.Delivered, Is.Empty);
    }

    [Test]
    public async Task WrongSignName_IsPermanent()
    {
        var gateway = TestGateways.Aliyun(_fake, _http, new Dictionary<string, string?> { ["Sms:Aliyun:SignName"] = "别的签名" });

        var result = await gateway.SendAsync(TestGateways.Message(), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Permanent));
        Assert.That(result.Error, Does.Contain("isv.SMS_SIGNATURE_ILLEGAL"));
    }

    [Test]
    public async Task FakeRefusingConnections_IsTransientThenAcceptedAfterRecovery()
    {
        var gateway = TestGateways.Aliyun(_fake, _http);
        var message = TestGateways.Message();
        await _fake.GoDownAsync();

        var down = await gateway.SendAsync(message, CancellationToken.None);
        await _fake.RecoverAsync();
        var recovered = await gateway.SendAsync(message, CancellationToken.None);

        Assert.That(down.Outcome, Is.EqualTo(SmsSendOutcome.Transient));
        Assert.That(down.Error, Does.Contain("connection failed"));
        Assert.That(recovered.Outcome, Is.EqualTo(SmsSendOutcome.Accepted), recovered.Error);
    }

    [Test]
    public async Task FakeAnswering503_IsTransient()
    {
        await _fake.GoDownAsync(refuseConnections: false);

        var result = await TestGateways.Aliyun(_fake, _http).SendAsync(TestGateways.Message(), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Transient));
        Assert.That(result.Error, Does.Contain("HTTP 503"));
        Assert.That(_fake.Delivered, Is.Empty);
    }

    [Test]
    public async Task FakeHanging_IsTransientWhenTheTimeoutPasses()
    {
        var gateway = TestGateways.Aliyun(_fake, _http, new Dictionary<string, string?> { ["Sms:TimeoutSeconds"] = "0.5" });
        _fake.Hang(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        var result = await gateway.SendAsync(TestGateways.Message(), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Transient));
        Assert.That(result.Error, Does.StartWith("timeout"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    /// <summary>The hook for the service under test: its environment variables, read back as the service reads them, reach the shared fake.</summary>
    [Test]
    public async Task SharedFakeEnvironment_ConfiguresAWorkingAliyunGateway()
    {
        var environment = FakeSmsGateway.StartShared().AliyunEnvironment;
        var configuration = TestGateways.Configuration(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)));
        var message = TestGateways.Message(templateCode: null, templateParams: null);

        var result = await new AliyunSmsGateway(_http, configuration, TestGateways.SystemClock, NullLogger<AliyunSmsGateway>.Instance).SendAsync(message, CancellationToken.None);

        Assert.That(environment["Sms__Provider"], Is.EqualTo("aliyun"));
        Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Accepted), result.Error);
        Assert.That(FakeSmsGateway.Shared.Delivered.Select(sms => sms.OutId), Does.Contain(message.Id.ToString("N")));
    }

    [Test]
    public async Task Logs_HoldNeitherNumberNorTextNorSecret()
    {
        var log = new RecordingLogger<AliyunSmsGateway>();
        var message = TestGateways.Message(templateCode: null, templateParams: null);
        await TestGateways.Aliyun(_fake, _http, log: log).SendAsync(message, CancellationToken.None);
        _fake.FailNumber(TestGateways.Phone);
        await TestGateways.Aliyun(_fake, _http, log: log).SendAsync(TestGateways.Message(templateCode: null, templateParams: null), CancellationToken.None);

        var lines = string.Join('\n', log.Lines);

        Assert.That(lines, Does.Contain("138****8000").And.Contain("accepted").And.Contain("isv.MOBILE_NUMBER_ILLEGAL"));
        Assert.That(lines, Does.Not.Contain(TestGateways.Phone).And.Not.Contain("逾期").And.Not.Contain(_fake.AccessKeySecret));
    }
}
