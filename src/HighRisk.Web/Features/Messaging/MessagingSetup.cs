using HighRisk.Features.Messaging.Providers;

namespace HighRisk.Features.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// The SMS gateway and mail transport chosen by configuration. With nothing configured both are development
    /// sinks, so the run command works offline and never messages anyone.
    /// </summary>
    public static void AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSmsGateway(configuration);
        if (string.IsNullOrEmpty(configuration["Smtp:Host"]))
        {
            services.AddSingleton<IMailTransport, SinkMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
    }

    /// <summary>
    /// Sms:Provider = aliyun | webhook | sink (unset or empty: sink). An unknown provider or an incomplete provider's
    /// settings stop the start-up here, naming the setting, rather than failing every message later.
    /// </summary>
    private static void AddSmsGateway(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Sms:Provider"]?.Trim() ?? string.Empty;
        if (provider.Length == 0 || Is(provider, "sink"))
        {
            services.AddSingleton<ISmsGateway, SinkSmsGateway>();
        }
        else if (Is(provider, "aliyun"))
        {
            AliyunSmsSettings.Read(configuration);
            services.AddHttpClient<ISmsGateway, AliyunSmsGateway>(ConfigureClient).ConfigurePrimaryHttpMessageHandler(PrimaryHandler);
        }
        else if (Is(provider, "webhook"))
        {
            WebhookSmsSettings.Read(configuration);
            services.AddHttpClient<ISmsGateway, WebhookSmsGateway>(ConfigureClient).ConfigurePrimaryHttpMessageHandler(PrimaryHandler);
        }
        else
        {
            throw new InvalidOperationException($"Sms:Provider is '{provider}', which is not an SMS provider: use aliyun, webhook or sink (unset or empty means sink).");
        }
    }

    private static bool Is(string provider, string name) => string.Equals(provider, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The gateways enforce Sms:TimeoutSeconds themselves; the client's own timeout only backs that up.</summary>
    private static void ConfigureClient(HttpClient client)
    {
        client.Timeout = TimeSpan.FromMinutes(5);
        client.MaxResponseContentBufferSize = 64 * 1024;
    }

    /// <summary>No redirects (a redirected POST would turn into a GET and lose its body); connections renewed for DNS changes.</summary>
    private static SocketsHttpHandler PrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
