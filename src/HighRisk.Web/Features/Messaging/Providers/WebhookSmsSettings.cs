namespace HighRisk.Features.Messaging.Providers;

/// <summary>Sms:Webhook:* and Sms:TimeoutSeconds. A class, not a record, so that the secret never shows up in a ToString.</summary>
public sealed class WebhookSmsSettings
{
    private WebhookSmsSettings(Uri url, string secret, TimeSpan timeout)
    {
        Url = url;
        Secret = secret;
        Timeout = timeout;
    }

    public Uri Url { get; }

    /// <summary>The shared secret for X-HighRisk-Signature.</summary>
    public string Secret { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Reads and checks the settings; throws naming every missing or malformed one.</summary>
    public static WebhookSmsSettings Read(IConfiguration configuration)
    {
        var settings = new ProviderSettings(configuration, "webhook");
        var read = new WebhookSmsSettings(settings.Address("Sms:Webhook:Url", fallback: null), settings.Required("Sms:Webhook:Secret"), settings.Timeout());
        settings.ThrowIfInvalid();
        return read;
    }
}
