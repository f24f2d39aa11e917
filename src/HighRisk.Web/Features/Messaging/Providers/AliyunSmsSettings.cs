namespace HighRisk.Features.Messaging.Providers;

/// <summary>
/// Sms:Aliyun:* and Sms:TimeoutSeconds. A class, not a record, so that the secret never shows up in a ToString.
/// </summary>
public sealed class AliyunSmsSettings
{
    public const string DefaultEndpoint = "https://dysmsapi.aliyuncs.com/";

    private AliyunSmsSettings(string accessKeyId, string accessKeySecret, string signName, string regionId, Uri endpoint, string? defaultTemplateCode, TimeSpan timeout, TimeSpan listedWithin)
    {
        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SignName = signName;
        RegionId = regionId;
        Endpoint = endpoint;
        DefaultTemplateCode = defaultTemplateCode;
        Timeout = timeout;
        ListedWithin = listedWithin;
    }

    public string AccessKeyId { get; }

    public string AccessKeySecret { get; }

    /// <summary>The approved signature (短信签名) that the platform puts in 【】 before the text.</summary>
    public string SignName { get; }

    public string RegionId { get; }

    public Uri Endpoint { get; }

    /// <summary>The template for messages that carry no template code of their own; it gets the text as <c>{"content": …}</c>.</summary>
    public string? DefaultTemplateCode { get; }

    public TimeSpan Timeout { get; }

    /// <summary>
    /// Sms:Aliyun:ListedWithinSeconds (default 60): how soon QuerySendDetails lists a message Alibaba took. A look-up that
    /// does not find a message sent less long ago than this is not believed yet; the message waits for the next attempt.
    /// </summary>
    public TimeSpan ListedWithin { get; }

    /// <summary>Reads and checks the settings; throws naming every missing or malformed one.</summary>
    public static AliyunSmsSettings Read(IConfiguration configuration)
    {
        var settings = new ProviderSettings(configuration, "aliyun");
        var read = new AliyunSmsSettings(
            settings.Required("Sms:Aliyun:AccessKeyId"),
            settings.Required("Sms:Aliyun:AccessKeySecret"),
            settings.Required("Sms:Aliyun:SignName"),
            settings.Optional("Sms:Aliyun:RegionId") ?? "cn-hangzhou",
            settings.Address("Sms:Aliyun:Endpoint", DefaultEndpoint),
            settings.Optional("Sms:Aliyun:DefaultTemplateCode"),
            settings.Timeout(),
            settings.Seconds("Sms:Aliyun:ListedWithinSeconds", 60, 3600));
        settings.ThrowIfInvalid();
        return read;
    }
}
