using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using HighRisk.SmsProviders.Tests;
using HighRisk.Web.Tests.Alerts;

namespace HighRisk.Web.Tests.Faults;

/// <summary>
/// Fault suite part d (issue 22 item 5d): the worker dies after the gateway took a message and before the outbox
/// recorded it. Simulated in process, at exactly that point: a gateway that passes the message to the fake and then
/// throws instead of returning, so that <see cref="SmsDeliveryJob"/> stops there, the answer is never recorded, and the
/// rest of its claimed batch is never sent — what the database holds when the process is killed there (ClaimSms has
/// committed "sending"; the send runs outside any transaction; nothing else is written). A new job, as a restarted worker
/// would, leaves the messages alone until Sms:SendingTimeoutMinutes (5) have passed, then claims them again and sends
/// each with the same id. Alibaba Cloud does not de-duplicate on that id: the gateway looks each reclaimed message up
/// (QuerySendDetails, by OutId) and records the one Alibaba already has as sent instead of sending it again.
/// </summary>
[NonParallelizable]
public class WorkerCrashTests : ServiceFixture
{
    private static FakeSmsGateway Gateway => FakeSmsGateway.Shared;

    [SetUp]
    public async Task FreshGatewayAsync()
    {
        await Gateway.ResetAsync();
        await AdvanceAsync(TimeSpan.FromMinutes(1));
    }

    [Test]
    public async Task KilledAfterTheWebhookTookTheMessage_ItIsNotDeliveredTwice()
    {
        using var http = TestGateways.Client();
        var (messages, taken) = await CrashAsync(TestGateways.Webhook(Gateway, http));
        Assert.That(Gateway.WebhookDelivered.Select(d => d.MessageId), Is.EqualTo(new[] { taken }), "the gateway took the first message before the kill");

        await RestartAndDeliverAsync(TestGateways.Webhook(Gateway, http), messages);
        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => Gateway.WebhookDelivered.Count(d => d.MessageId == m)), Is.All.EqualTo(1), "each message reached the handset once");
            Assert.That(Gateway.WebhookRepeats, Is.EqualTo(1), "the taken message was sent again with the same Idempotency-Key, which the receiver recognised");
        });
    }

    [Test]
    public async Task KilledAfterAlibabaTookTheMessage_ItsReceiptBeforeTheRetryKeepsItFromBeingSentAgain()
    {
        using var http = TestGateways.Client();
        var (messages, taken) = await CrashAsync(Aliyun(http));
        var sms = Gateway.Delivered.Single();
        Assert.That(sms.OutId, Is.EqualTo(taken.ToString("N")));

        // Alibaba Cloud does not de-duplicate on OutId; its delivery receipt, matched on OutId, is what stops a repeat.
        var receipts = new Uri(BaseAddress, "/api/sms/receipts/aliyun?token=" + Uri.EscapeDataString(Gateway.ReceiptToken));
        var (status, body) = await Gateway.PushReceiptsAsync(receipts, (sms, true, "DELIVERED", "用户接收成功"));
        Assert.That((int)status, Is.EqualTo(200), body);

        await RestartAndDeliverAsync(Aliyun(http), messages, taken);
        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => Gateway.Delivered.Count(d => d.OutId == m.ToString("N"))), Is.All.EqualTo(1), "each message reached the handset once");
            Assert.That(Gateway.AliyunRepeats, Is.Zero, "no OutId was sent twice");
        });
    }

    [Test]
    public async Task KilledAfterAlibabaTookTheMessage_TheLookUpBeforeTheRetryKeepsItFromBeingSentAgain()
    {
        using var http = TestGateways.Client();
        var (messages, taken) = await CrashAsync(Aliyun(http));
        Assert.That(Gateway.Delivered.Select(d => d.OutId), Is.EqualTo(new[] { taken.ToString("N") }), "the gateway took the first message before the kill");

        await RestartAndDeliverAsync(Aliyun(http), messages);
        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => Gateway.Delivered.Count(d => d.OutId == m.ToString("N"))), Is.All.EqualTo(1), "each message reached the handset once");
            Assert.That(Gateway.AliyunRepeats, Is.Zero, "no OutId was sent twice: the taken one was found, not sent again");
            Assert.That(Gateway.AliyunQueries, Is.GreaterThanOrEqualTo(messages.Count), "each reclaimed message was looked up");
        });
        Assert.That(await ScalarAsync<string>("SELECT status FROM sms_messages WHERE id = $1", taken), Is.EqualTo("Sent"));
        Assert.That(await Outbox.CountAsync(this, "unanswered_attempt_at IS NOT NULL", messages), Is.Zero, "every outcome is known now");
    }

    private ISmsGateway Aliyun(HttpClient http) => TestGateways.Aliyun(Gateway, http, clock: Services.GetRequiredService<BusinessClock>());

    /// <summary>Two red alerts queued; the job killed right after the gateway took the first message it sent.</summary>
    private async Task<(List<Guid> Messages, Guid Taken)> CrashAsync(ISmsGateway gateway)
    {
        var alerts = new[] { await DeliveryTests.RedAlertAsync(this, "430304008"), await DeliveryTests.RedAlertAsync(this, "430304002") };
        var messages = await Outbox.MessagesAsync(this, alerts.Select(a => a.AlertId));
        Assert.That(messages, Has.Count.GreaterThanOrEqualTo(2));
        var dying = new KilledAfterSend(gateway);
        Assert.ThrowsAsync<WorkerKilled>(() => Outbox.Job(this, dying).DeliverBatchAsync(CancellationToken.None));
        Assert.That(dying.Taken, Is.Not.Null);
        Assert.That(await Outbox.CountAsync(this, "status = 'Sending'", messages), Is.EqualTo(messages.Count), "claimed, never recorded");
        return (messages, dying.Taken!.Value);
    }

    private async Task RestartAndDeliverAsync(ISmsGateway gateway, List<Guid> messages, Guid? receipted = null)
    {
        var restarted = Outbox.Job(this, gateway);
        Assert.That(await Outbox.DeliverDueAsync(restarted), Is.Zero, "a message in flight is left alone until the sending timeout");
        Clock.Advance(TimeSpan.FromMinutes(5) + Outbox.JobEvery);
        await Outbox.DeliverDueAsync(restarted);
        var sent = await Outbox.CountAsync(this, "status IN ('Sent', 'Delivered')", messages);
        Assert.That(sent, Is.EqualTo(messages.Count), "every message is sent after the restart");
        if (receipted is { } id)
        {
            Assert.That(await ScalarAsync<string>("SELECT status FROM sms_messages WHERE id = $1", id), Is.EqualTo("Delivered"));
        }
    }

    private sealed class WorkerKilled() : Exception("the worker process was killed here");

    /// <summary>Hands the message to the real gateway, then dies before the job can record the answer.</summary>
    private sealed class KilledAfterSend(ISmsGateway inner) : ISmsGateway
    {
        public Guid? Taken { get; private set; }

        public string Name => inner.Name;

        public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
        {
            var result = await inner.SendAsync(message, cancellationToken);
            Assert.That(result.Outcome, Is.EqualTo(SmsSendOutcome.Accepted), result.Error);
            Taken = message.Id;
            throw new WorkerKilled();
        }
    }
}
