namespace HighRisk.Features.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// The SMS gateway and mail transport chosen by configuration. With nothing configured both are development
    /// sinks, so the run command works offline and never messages anyone.
    /// </summary>
    public static void AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ISmsGateway, SinkSmsGateway>();
        if (string.IsNullOrEmpty(configuration["Smtp:Host"]))
        {
            services.AddSingleton<IMailTransport, SinkMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
    }
}
