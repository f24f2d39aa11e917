using System.Globalization;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using HighRisk.SmsProviders.Tests;
using HighRisk.Web.Tests.Alerts;

namespace HighRisk.Web.Tests.Faults;

/// <summary>
/// Fault suite part c (issue 22 item 5c): the SMS gateway failing every way a gateway fails — 500, 503, 429, no answer
/// (hang until the client's timeout), a dropped connection, and an answer lost after the gateway took the message — for
/// 30 seconds and for an hour of the test clock, while red alerts wait in the outbox. The outbox is delivered by the
/// service's own <see cref="SmsDeliveryJob"/> (claim, send, record, through the mediator into the fixture's database)
/// over a gateway speaking to the local fake (<see cref="FakeSmsGateway"/>), run every 10 seconds of the test clock (each
/// minute through the hour's outage, like the service's cron) and every 10 seconds after the recovery.
/// Every alert message is sent, each reaches the handset once, and the last is sent within 2 minutes of the gateway's
/// recovery. With Alibaba Cloud no request may repeat an OutId: Alibaba does not de-duplicate on it (the fake does, and
/// counts the repeats); after an answer lost after acceptance the gateway finds the message with QuerySendDetails instead
/// of sending it again, and a clean refusal (500, 503, 429) is retried without a look-up. The webhook's receiver
/// de-duplicates on the Idempotency-Key by contract.
/// </summary>
[NonParallelizable]
public class GatewayFailureTests : ServiceFixture
{
    /// <summary>A service and database per test, so that each test's townships have one contact and its alerts few messages.</summary>
    public GatewayFailureTests()
        : base(ServiceFor.EachTest)
    {
    }

    private static FakeSmsGateway Gateway => FakeSmsGateway.Shared;

    private static IEnumerable<TestCaseData> Failures()
    {
        foreach (var provider in new[] { "webhook", "aliyun" })
        {
            foreach (var failure in Enum.GetValues<GatewayFailure>().Where(f => f != GatewayFailure.None))
            {
                foreach (var outage in new[] { 30, 3600 })
                {
                    yield return new TestCaseData(provider, failure, outage).SetName($"{provider}_{failure}_For{outage}s_EveryAlertSentOnceWithin2MinutesOfRecovery");
                }
            }
        }
    }

    [SetUp]
    public Task FreshGatewayAsync() => Gateway.ResetAsync();

    [TearDown]
    public Task RecoverGatewayAsync() => Gateway.RecoverAsync();

    [TestCaseSource(nameof(Failures))]
    public async Task GatewayFailing(string provider, GatewayFailure failure, int outageSeconds)
    {
        using var http = TestGateways.Client();
        var gateway = GatewayFor(provider, http, TimeSpan.FromSeconds(0.2));
        Gateway.FailWith(failure);
        var outageBegan = Clock.GetUtcNow();
        var alerts = new[] { await DeliveryTests.RedAlertAsync(this, "430304008"), await DeliveryTests.RedAlertAsync(this, "430304002") };
        var messages = await Outbox.MessagesAsync(this, alerts.Select(a => a.AlertId));
        Assert.That(messages, Has.Count.GreaterThanOrEqualTo(2), "each red alert queued its messages");

        var job = Outbox.Job(this, gateway);
        // Through an hour's outage the job runs each minute, as the service's cron does; the urgent back-off is 2 minutes by then.
        var every = outageSeconds <= 60 ? Outbox.JobEvery : TimeSpan.FromMinutes(1);
        var attempts = 0;
        do
        {
            attempts += await Outbox.DeliverDueAsync(job);
            Clock.Advance(every);
        }
        while (Clock.GetUtcNow() - outageBegan < TimeSpan.FromSeconds(outageSeconds));
        // The worst moment to recover: just after a failed attempt, with the whole back-off ahead.
        int tried;
        while ((tried = await Outbox.DeliverDueAsync(job)) == 0)
        {
            Clock.Advance(Outbox.JobEvery);
        }

        attempts += tried;
        Assert.That(await Outbox.CountAsync(this, "status = 'Sent'", messages), Is.Zero, $"nothing is sent while the gateway fails with {failure}");
        Assert.That(attempts, Is.GreaterThanOrEqualTo(messages.Count), "each message was tried during the outage");

        await Gateway.RecoverAsync();
        var recovered = Clock.GetUtcNow();
        job = Outbox.Job(this, GatewayFor(provider, http, TimeSpan.FromSeconds(10)));   // a slow answer from a busy machine is no failure
        while (await Outbox.CountAsync(this, "status = 'Sent'", messages) < messages.Count && Clock.GetUtcNow() - recovered < TimeSpan.FromMinutes(10))
        {
            Clock.Advance(Outbox.JobEvery);
            await Outbox.DeliverDueAsync(job);
        }

        var sent = await Outbox.CountAsync(this, "status = 'Sent'", messages);
        var lastSent = await ScalarAsync<double>("SELECT extract(epoch FROM max(sent_at) - $2) FROM sms_messages WHERE id = ANY($1)", messages.ToArray(), recovered);
        var delivered = provider == "webhook"
            ? Gateway.WebhookDelivered.Select(d => d.MessageId).ToList()
            : Gateway.Delivered.Select(d => Guid.ParseExact(d.OutId, "N")).ToList();
        var repeats = provider == "webhook" ? Gateway.WebhookRepeats : Gateway.AliyunRepeats;
        await TestContext.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"part c: {provider} {failure} for {outageSeconds} s: {messages.Count} alert messages, {attempts} failed attempts in the outage, "
            + $"last sent {lastSent:0} s after recovery, {repeats} repeated ids at the gateway"));
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.EqualTo(messages.Count), "every alert message is sent");
            Assert.That(messages.Select(m => delivered.Count(d => d == m)), Is.All.EqualTo(1), "each reached the handset exactly once");
            Assert.That(lastSent, Is.LessThanOrEqualTo(120), "red alerts within 2 minutes of recovery");
            if (provider == "aliyun")
            {
                Assert.That(repeats, Is.Zero, "no OutId sent twice: Alibaba Cloud would deliver a repeat");
            }

            if (provider == "aliyun" && failure is GatewayFailure.ServerError or GatewayFailure.Unavailable or GatewayFailure.TooManyRequests)
            {
                Assert.That(Gateway.AliyunQueries, Is.Zero, "a clean refusal leaves nothing to look up");
            }
            else if (provider == "aliyun" && failure == GatewayFailure.LoseAnswer)
            {
                Assert.That(Gateway.AliyunQueries, Is.GreaterThanOrEqualTo(messages.Count), "each message whose answer was lost was looked up");
            }
            else if (failure == GatewayFailure.LoseAnswer)
            {
                Assert.That(repeats, Is.GreaterThanOrEqualTo(messages.Count), "each lost answer was retried with the same Idempotency-Key");
            }
        });
    }

    /// <summary>A gateway to the fake; through the outage with a short timeout (a hung request costs 0.2 s of real time).</summary>
    private ISmsGateway GatewayFor(string provider, HttpClient http, TimeSpan timeout)
    {
        var settings = new Dictionary<string, string?> { ["Sms:TimeoutSeconds"] = timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) };
        return provider == "webhook"
            ? TestGateways.Webhook(Gateway, http, settings)
            : TestGateways.Aliyun(Gateway, http, settings, clock: Services.GetRequiredService<BusinessClock>());
    }
}
