using HighRisk.Features.Messaging;
using HighRisk.Features.Messaging.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HighRisk.SmsProviders.Tests;

/// <summary>Sms:Provider picks the gateway at start-up; a wrong or incomplete choice stops the start-up, naming the setting.</summary>
public class ProviderChoiceTests
{
    private static readonly Dictionary<string, string?> Aliyun = new()
    {
        ["Sms:Provider"] = "aliyun",
        ["Sms:Aliyun:AccessKeyId"] = "LTAI-dummy",
        ["Sms:Aliyun:AccessKeySecret"] = "dummy-secret",
        ["Sms:Aliyun:SignName"] = "高危孕产妇管理",
    };

    private static readonly Dictionary<string, string?> Webhook = new()
    {
        ["Sms:Provider"] = "webhook",
        ["Sms:Webhook:Url"] = "https://sms.example.org/send",
        ["Sms:Webhook:Secret"] = "dummy-secret",
    };

    [TestCase(null)]
    [TestCase("")]
    [TestCase("sink")]
    [TestCase("Sink")]
    public void NoProviderOrSink_IsTheSink(string? provider)
    {
        Assert.That(Gateway(new Dictionary<string, string?> { ["Sms:Provider"] = provider }), Is.InstanceOf<SinkSmsGateway>());
    }

    [Test]
    public void CompleteAliyunSettings_GiveTheAliyunGateway()
    {
        Assert.That(Gateway(Aliyun), Is.InstanceOf<AliyunSmsGateway>());
    }

    [Test]
    public void CompleteWebhookSettings_GiveTheWebhookGateway()
    {
        Assert.That(Gateway(Webhook), Is.InstanceOf<WebhookSmsGateway>());
    }

    [TestCase("Sms:Aliyun:AccessKeyId")]
    [TestCase("Sms:Aliyun:AccessKeySecret")]
    [TestCase("Sms:Aliyun:SignName")]
    public void AliyunWithoutASetting_StopsTheStartNamingIt(string missing)
    {
        var settings = new Dictionary<string, string?>(Aliyun) { [missing] = "" };

        var failure = Assert.Throws<InvalidOperationException>(() => Gateway(settings));

        Assert.That(failure.Message, Does.Contain(missing).And.Contain(missing.Replace(":", "__", StringComparison.Ordinal)));
        Assert.That(failure.Message, Does.Not.Contain("dummy-secret"));
    }

    [TestCase("Sms:Webhook:Url")]
    [TestCase("Sms:Webhook:Secret")]
    public void WebhookWithoutASetting_StopsTheStartNamingIt(string missing)
    {
        var settings = new Dictionary<string, string?>(Webhook) { [missing] = null };

        Assert.That(() => Gateway(settings), Throws.InvalidOperationException.With.Message.Contain(missing));
    }

    [TestCase("Sms:Aliyun:Endpoint", "http://dysmsapi.aliyuncs.com/")]
    [TestCase("Sms:Aliyun:Endpoint", "dysmsapi.aliyuncs.com")]
    [TestCase("Sms:TimeoutSeconds", "ten")]
    [TestCase("Sms:TimeoutSeconds", "0")]
    public void MalformedAliyunSetting_StopsTheStartNamingIt(string key, string value)
    {
        var settings = new Dictionary<string, string?>(Aliyun) { [key] = value };

        Assert.That(() => Gateway(settings), Throws.InvalidOperationException.With.Message.Contain(key));
    }

    [Test]
    public void PlainHttpToLoopback_IsAllowedForALocalFake()
    {
        var settings = new Dictionary<string, string?>(Aliyun) { ["Sms:Aliyun:Endpoint"] = "http://127.0.0.1:5999/" };

        Assert.That(Gateway(settings), Is.InstanceOf<AliyunSmsGateway>());
    }

    [Test]
    public void UnknownProvider_StopsTheStartListingTheChoices()
    {
        Assert.That(
            () => Gateway(new Dictionary<string, string?> { ["Sms:Provider"] = "twilio" }),
            Throws.InvalidOperationException.With.Message.Contain("'twilio'").And.Message.Contain("aliyun, webhook or sink"));
    }

    [Test]
    public void SmtpHost_StillChoosesSmtpBesideAnSmsProvider()
    {
        var settings = new Dictionary<string, string?>(Aliyun) { ["Smtp:Host"] = "smtp.example.org" };

        using var services = Services(settings);

        Assert.That(services.GetRequiredService<IMailTransport>(), Is.InstanceOf<SmtpMailTransport>());
    }

    private static ISmsGateway Gateway(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        return services.GetRequiredService<ISmsGateway>();
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = TestGateways.Configuration(settings);
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton(TestGateways.SystemClock);
        services.AddMessaging(configuration);
        return services.BuildServiceProvider();
    }
}
