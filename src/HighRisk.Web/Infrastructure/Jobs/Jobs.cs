using Hangfire;
using Hangfire.PostgreSql;

namespace HighRisk.Infrastructure.Jobs;

/// <summary>
/// Hangfire on the same PostgreSQL database (schema <c>hangfire</c>). The Hangfire server runs when the process role
/// is <c>all</c> (default) or <c>worker</c>; an <c>api</c> process only enqueues.
/// </summary>
public static class Jobs
{
    public static bool RunsWorker(IConfiguration configuration) =>
        (configuration["HighRisk:Role"] ?? "all").ToLowerInvariant() is "all" or "worker";

    public static bool ServesApi(IConfiguration configuration) =>
        (configuration["HighRisk:Role"] ?? "all").ToLowerInvariant() is "all" or "api";

    public static void AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<JobCommands>();
        services.AddTransient<Features.Messaging.EscalatingReview>();
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(provider.GetRequiredService<IConfiguration>().GetConnectionString("HighRisk")),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    EnableLongPolling = true, // a job enqueued (an alert's SMS, a job run by hand) is fetched at once, by LISTEN/NOTIFY
                    PrepareSchemaIfNecessary = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(30),
                }));

        if (RunsWorker(configuration))
        {
            services.AddHangfireServer(options =>
            {
                options.Queues = [Queues.Alerts, Queues.Default];
                options.WorkerCount = configuration.GetValue("Jobs:WorkerCount", Math.Max(4, Environment.ProcessorCount * 2));
                options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }
    }
}

public static class Queues
{
    /// <summary>SMS and other alert deliveries: served first.</summary>
    public const string Alerts = "alerts";

    public const string Default = "default";
}
