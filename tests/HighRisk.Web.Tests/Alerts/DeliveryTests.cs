using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Features.Messaging;
using HighRisk.SmsProviders.Tests;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Alerts;

/// <summary>
/// Alert SMS against the local fake Alibaba Cloud gateway (signature checked, de-duplicated on OutId): never lost,
/// never twice, as the recipient sees it. Women live in Yuetang district townships. A township's staff must be the
/// only recipients of its alerts, so each test has a service and database of its own.
/// </summary>
[NonParallelizable]
public class DeliveryTests : ServiceFixture
{
    public DeliveryTests()
        : base(ServiceFor.EachTest)
    {
    }

    private static FakeSmsGateway Gateway => FakeSmsGateway.Shared;

    [SetUp]
    public Task RecoverGatewayAsync() => Gateway.RecoverAsync();

    private static int _next = 70_000_000;

    internal static string NewMobile() => $"139{Interlocked.Increment(ref _next):00000000}";

    /// <summary>A red woman in the township, with a fresh staff mobile as its contact; returns the alert id and that mobile.</summary>
    internal static async Task<(Guid AlertId, string Mobile)> RedAlertAsync(ServiceFixture service, string township)
    {
        var mobile = NewMobile();
        await service.Api.PostAsync("/api/admin/contacts", new { divisionCode = township, role = "subdistrictStaff", name = $"专干{mobile}", mobile }, HttpStatusCode.Created, service.Admin);
        var id = await service.Api.BookAsync(service.Bookings.AWoman(30).With("divisionCode", township + "001"));
        await service.Api.ExamAsync(id, service.Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 60 }));
        var alerts = (await service.Api.GetAsync($"/api/alerts?pregnancyId={id}", service.Admin)).Body!["items"]!.AsArray();
        return (alerts[0]!["id"]!.GetValue<Guid>(), mobile);
    }

    internal static Task DeliverAsync(ServiceFixture service) => service.Api.RunJobAsync("sms-delivery");

    internal static Task<bool> StatusAsync(ServiceFixture service, string mobile, string status) =>
        service.EventuallyAsync("SELECT EXISTS (SELECT 1 FROM sms_messages WHERE recipient = $1 AND kind = 'Alert' AND status = $2)", mobile, status);

    [Test]
    public async Task RedExam_EachRecipientGetsOneMessage_EvenWhenTheJobRunsTwice()
    {
        var (_, mobile) = await RedAlertAsync(this, "430304008");
        await Task.WhenAll(DeliverAsync(this), DeliverAsync(this));
        Assert.That(await StatusAsync(this, mobile, "Sent"), Is.True);
        await DeliverAsync(this);
        await Task.Delay(500);
        var received = Gateway.DeliveredTo(mobile);
        Assert.That(received, Has.Count.EqualTo(1));
        Assert.That(received[0].TemplateParams, Does.Contain("肺动脉").And.Contain("\\u7EA2\\u8272").Or.Contain("红色"));
    }

    [Test]
    public async Task GatewayDownForHours_AllDeliveredAfterRecoveryEachOnce()
    {
        await Gateway.GoDownAsync();
        var (_, mobile) = await RedAlertAsync(this, "430304002");
        await DeliverAsync(this);
        Assert.That(
            await EventuallyAsync("SELECT EXISTS (SELECT 1 FROM sms_messages WHERE recipient = $1 AND status = 'Queued' AND attempts >= 1 AND last_error IS NOT NULL)", mobile),
            Is.True,
            "a transient failure is retried later");

        // Hours later (within Sms:UrgentRetryHours, 6: after that an alert that still fails is failed and escalated) the
        // gateway is back. A retry scheduled meanwhile may still find it down; it is then due again within minutes.
        await AdvanceAsync(TimeSpan.FromHours(5));
        await Gateway.RecoverAsync();
        await AdvanceAsync(TimeSpan.FromMinutes(5));
        await DeliverAsync(this);
        Assert.That(await StatusAsync(this, mobile, "Sent"), Is.True);
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GatewayDown_ARedAlertIsRetriedWithinSecondsAndSentOnceWhenItIsBack()
    {
        await Gateway.GoDownAsync();
        var (_, mobile) = await RedAlertAsync(this, "430321109");
        await DeliverAsync(this);
        Assert.That(await EventuallyAsync("SELECT EXISTS (SELECT 1 FROM sms_messages WHERE recipient = $1 AND status = 'Queued' AND attempts = 1)", mobile), Is.True);
        var wait = await ScalarAsync<double>("SELECT extract(epoch FROM next_attempt_at - $2) FROM sms_messages WHERE recipient = $1", mobile, Clock.GetUtcNow());
        Assert.That(wait, Is.EqualTo(10).Within(1), "an alert's first retry comes after 10 seconds, not 5 minutes");

        await Gateway.RecoverAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(11));
        await DeliverAsync(this);
        Assert.That(await StatusAsync(this, mobile, "Sent"), Is.True);
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Throttled_IsRetriedAndThenSent()
    {
        var (_, mobile) = await RedAlertAsync(this, "430304004");
        Gateway.Throttle(100);
        await DeliverAsync(this);
        Assert.That(await EventuallyAsync("SELECT EXISTS (SELECT 1 FROM sms_messages WHERE recipient = $1 AND status = 'Queued' AND last_error LIKE '%LIMIT%')", mobile), Is.True);
        await Gateway.RecoverAsync();
        Gateway.Throttle(0);
        await AdvanceAsync(TimeSpan.FromMinutes(30));
        await DeliverAsync(this);
        Assert.That(await StatusAsync(this, mobile, "Sent"), Is.True);
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PermanentError_FailsAtOnceWithTheReasonInTheApi()
    {
        var mobileToFail = NewMobile();
        Gateway.FailNumber(mobileToFail);
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = "430304005", role = "subdistrictStaff", name = $"专干{mobileToFail}", mobile = mobileToFail }, HttpStatusCode.Created, Admin);
        var id = await Api.BookAsync(Bookings.AWoman(30).With("divisionCode", "430304005001"));
        await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 60 }));
        await DeliverAsync(this);
        Assert.That(await StatusAsync(this, mobileToFail, "Failed"), Is.True);
        var alert = (await Api.GetAsync($"/api/alerts?pregnancyId={id}", Admin)).Body!["items"]![0]!;
        var failed = alert["messages"]!.AsArray().Single(m => m!["recipient"]!.GetValue<string>() == $"{mobileToFail[..3]}****{mobileToFail[^4..]}")!;
        Assert.Multiple(() =>
        {
            Assert.That(failed["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(failed["attempts"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(failed["lastError"]!.GetValue<string>(), Does.Contain("MOBILE_NUMBER_ILLEGAL"));
        });

        // The failure is on the township's daily list too, so that someone phones instead.
        var (_, list) = await Api.GetAsync("/api/overdue?division=430304005", Admin);
        Assert.That(list!["undeliveredAlerts"]!.AsArray().Select(u => u!["pregnancyId"]!.GetValue<Guid>()), Does.Contain(id));
    }

    [Test]
    public async Task CrashAfterTheGatewayAcceptedBeforeTheStatusWasStored_SendsNoSecondSms()
    {
        var (alertId, mobile) = await RedAlertAsync(this, "430304006");
        await DeliverAsync(this);
        Assert.That(await StatusAsync(this, mobile, "Sent"), Is.True);

        // As if the process died after the gateway accepted it: the row is still "sending" from a while ago.
        await ScalarAsync<int>(
            "UPDATE sms_messages SET status = 'Sending', sent_at = NULL, next_attempt_at = next_attempt_at - interval '1 hour' WHERE recipient = $1 AND alert_id = $2 RETURNING 1", mobile, alertId);
        await DeliverAsync(this);
        Assert.That(await StatusAsync(this, mobile, "Sent"), Is.True);
        Assert.That(await ScalarAsync<int>("SELECT attempts FROM sms_messages WHERE recipient = $1 AND alert_id = $2", mobile, alertId), Is.EqualTo(2), "it was sent again, with the same OutId");
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1), "the handset got one message");
    }
}
