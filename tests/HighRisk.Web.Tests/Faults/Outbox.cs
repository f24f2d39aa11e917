using Hangfire;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace HighRisk.Web.Tests.Faults;

/// <summary>The SMS outbox of a fixture's service, delivered by the service's own job over a gateway the test chooses.</summary>
internal static class Outbox
{
    /// <summary>How often the tests run the job, in test-clock time (production: every minute, and at an urgent retry's moment).</summary>
    public static readonly TimeSpan JobEvery = TimeSpan.FromSeconds(10);

    public static SmsDeliveryJob Job(ServiceFixture service, ISmsGateway gateway) => new(
        service.Services.GetRequiredService<JobCommands>(), gateway, service.Services.GetRequiredService<BusinessClock>(), service.Services.GetRequiredService<IBackgroundJobClient>());

    /// <summary>One run of the job (its batches until nothing is due, without scheduling follow-ups); returns the messages it tried.</summary>
    public static async Task<int> DeliverDueAsync(SmsDeliveryJob job)
    {
        var tried = 0;
        while ((await job.DeliverBatchAsync(CancellationToken.None)).Messages is { Count: > 0 } batch)
        {
            tried += batch.Count;
        }

        return tried;
    }

    /// <summary>The outbox ids of the messages of these alerts.</summary>
    public static async Task<List<Guid>> MessagesAsync(ServiceFixture service, IEnumerable<Guid> alertIds)
    {
        var ids = new List<Guid>();
        await using var command = service.Database.CreateCommand("SELECT id FROM sms_messages WHERE alert_id = ANY($1) ORDER BY id");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = alertIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public static Task<long> CountAsync(ServiceFixture service, string condition, List<Guid> messages) =>
        service.ScalarAsync<long>($"SELECT count(*) FROM sms_messages WHERE id = ANY($1) AND {condition}", messages.ToArray());
}
