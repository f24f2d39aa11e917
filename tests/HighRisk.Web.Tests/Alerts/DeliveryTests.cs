using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Features.Messaging;
using HighRisk.SmsProviders.Tests;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Alerts;

/// <summary>
/// Alert SMS against the local fake Alibaba Cloud gateway (signature checked, de-duplicated on OutId): never lost,
/// never twice, as the recipient sees it. Women live in Yuetang district townships of their own (the follow-up
/// scenarios use Yuhu's).
/// </summary>
[NonParallelizable]
public class DeliveryTests
{
    private static FakeSmsGateway Gateway => FakeSmsGateway.Shared;

    [SetUp]
    public Task RecoverGatewayAsync() => Gateway.RecoverAsync();

    private static int _next = 70_000_000;

    internal static string NewMobile() => $"139{Interlocked.Increment(ref _next):00000000}";

    /// <summary>A red woman in her own township whose only contact is a fresh staff mobile; returns the alert id and that mobile.</summary>
    internal static async Task<(Guid AlertId, string Mobile)> RedAlertAsync(string township)
    {
        var mobile = NewMobile();
        var (created, body, _) = await Api.PostAsync("/api/admin/contacts", new { divisionCode = township, role = "subdistrictStaff", name = $"专干{mobile}", mobile }, client: TestHost.Admin);
        Assert.That(created, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        var id = await Api.BookAsync(Bookings.AWoman(30).With("divisionCode", township + "001"));
        await Api.PostAsync($"/api/pregnancies/{id}/exams", Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 60 }));
        var alerts = (await Api.GetAsync($"/api/alerts?pregnancyId={id}", TestHost.Admin)).Body!["items"]!.AsArray();
        return (alerts[0]!["id"]!.GetValue<Guid>(), mobile);
    }

    internal static async Task DeliverAsync() =>
        Assert.That((await Api.PostAsync("/api/admin/jobs/sms-delivery", new JsonObject(), client: TestHost.Admin)).Status, Is.EqualTo(HttpStatusCode.Accepted));

    internal static Task<bool> StatusAsync(string mobile, string status) =>
        TestHost.EventuallyAsync("SELECT EXISTS (SELECT 1 FROM sms_messages WHERE recipient = $1 AND kind = 'Alert' AND status = $2)", mobile, status);

    [Test]
    public async Task RedExam_EachRecipientGetsOneMessage_EvenWhenTheJobRunsTwice()
    {
        var (_, mobile) = await RedAlertAsync("430304008");
        await Task.WhenAll(DeliverAsync(), DeliverAsync());
        Assert.That(await StatusAsync(mobile, "Sent"), Is.True);
        await DeliverAsync();
        await Task.Delay(500);
        var received = Gateway.DeliveredTo(mobile);
        Assert.That(received, Has.Count.EqualTo(1));
        Assert.That(received[0].TemplateParams, Does.Contain("肺动脉").And.Contain("\\u7EA2\\u8272").Or.Contain("红色"));
    }

    [Test]
    public async Task GatewayDownForADay_AllDeliveredAfterRecoveryEachOnce()
    {
        await Gateway.GoDownAsync();
        var (_, mobile) = await RedAlertAsync("430304002");
        await DeliverAsync();
        Assert.That(await TestHost.EventuallyAsync("SELECT EXISTS (SELECT 1 FROM sms_messages WHERE recipient = $1 AND status = 'Queued' AND attempts >= 1 AND last_error IS NOT NULL)", mobile), Is.True, "a transient failure is retried later");

        // A day later (within the 72-hour time to live) the gateway is back.
        await TestHost.TravelToAsync(TestHost.Clock.Today.AddDays(1));
        await Gateway.RecoverAsync();
        await DeliverAsync();
        Assert.That(await StatusAsync(mobile, "Sent"), Is.True);
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GatewayDown_ARedAlertIsRetriedWithinSecondsAndSentOnceWhenItIsBack()
    {
        await Gateway.GoDownAsync();
        var (_, mobile) = await RedAlertAsync("430321109");
        await DeliverAsync();
        Assert.That(await TestHost.EventuallyAsync("SELECT EXISTS (SELECT 1 FROM sms_messages WHERE recipient = $1 AND status = 'Queued' AND attempts = 1)", mobile), Is.True);
        var wait = await TestHost.ScalarAsync<double>("SELECT extract(epoch FROM next_attempt_at - $2) FROM sms_messages WHERE recipient = $1", mobile, TestHost.Clock.GetUtcNow());
        Assert.That(wait, Is.EqualTo(10).Within(1), "an alert's first retry comes after 10 seconds, not 5 minutes");

        await Gateway.RecoverAsync();
        await TestHost.AdvanceAsync(TimeSpan.FromSeconds(11));
        await DeliverAsync();
        Assert.That(await StatusAsync(mobile, "Sent"), Is.True);
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1));
    }

    [TestCase(SmsKind.Alert, 1, 10)]
    [TestCase(SmsKind.Alert, 2, 30)]
    [TestCase(SmsKind.Alert, 3, 60)]
    [TestCase(SmsKind.Alert, 4, 120)]
    [TestCase(SmsKind.Escalation, 40, 120)]
    [TestCase(SmsKind.Digest, 1, 300)]
    [TestCase(SmsKind.Digest, 2, 600)]
    [TestCase(SmsKind.Digest, 8, 21600)]
    public void Backoff_IsSecondsForAlertsAndMinutesDoublingForDigests(SmsKind kind, int attempts, int seconds) =>
        Assert.That(RecordSmsSend.Backoff(kind, attempts), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [Test]
    public async Task Throttled_IsRetriedAndThenSent()
    {
        var (_, mobile) = await RedAlertAsync("430304004");
        Gateway.Throttle(100);
        await DeliverAsync();
        Assert.That(await TestHost.EventuallyAsync("SELECT EXISTS (SELECT 1 FROM sms_messages WHERE recipient = $1 AND status = 'Queued' AND last_error LIKE '%LIMIT%')", mobile), Is.True);
        await Gateway.RecoverAsync();
        Gateway.Throttle(0);
        await TestHost.AdvanceAsync(TimeSpan.FromMinutes(30));
        await DeliverAsync();
        Assert.That(await StatusAsync(mobile, "Sent"), Is.True);
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PermanentError_FailsAtOnceWithTheReasonInTheApi()
    {
        var mobileToFail = NewMobile();
        Gateway.FailNumber(mobileToFail);
        var (created, _, _) = await Api.PostAsync("/api/admin/contacts", new { divisionCode = "430304005", role = "subdistrictStaff", name = $"专干{mobileToFail}", mobile = mobileToFail }, client: TestHost.Admin);
        Assert.That(created, Is.EqualTo(HttpStatusCode.Created));
        var id = await Api.BookAsync(Bookings.AWoman(30).With("divisionCode", "430304005001"));
        await Api.PostAsync($"/api/pregnancies/{id}/exams", Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 60 }));
        await DeliverAsync();
        Assert.That(await StatusAsync(mobileToFail, "Failed"), Is.True);
        var alert = (await Api.GetAsync($"/api/alerts?pregnancyId={id}", TestHost.Admin)).Body!["items"]![0]!;
        var failed = alert["messages"]!.AsArray().Single(m => m!["recipient"]!.GetValue<string>() == $"{mobileToFail[..3]}****{mobileToFail[^4..]}")!;
        Assert.Multiple(() =>
        {
            Assert.That(failed["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(failed["attempts"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(failed["lastError"]!.GetValue<string>(), Does.Contain("MOBILE_NUMBER_ILLEGAL"));
        });

        // The failure is on the township's daily list too, so that someone phones instead.
        var (_, list) = await Api.GetAsync("/api/overdue?division=430304005", TestHost.Admin);
        Assert.That(list!["undeliveredAlerts"]!.AsArray().Select(u => u!["pregnancyId"]!.GetValue<Guid>()), Does.Contain(id));
    }

    [Test]
    public async Task CrashAfterTheGatewayAcceptedBeforeTheStatusWasStored_SendsNoSecondSms()
    {
        var (alertId, mobile) = await RedAlertAsync("430304006");
        await DeliverAsync();
        Assert.That(await StatusAsync(mobile, "Sent"), Is.True);

        // As if the process died after the gateway accepted it: the row is still "sending" from a while ago.
        await TestHost.ScalarAsync<int>(
            "UPDATE sms_messages SET status = 'Sending', sent_at = NULL, next_attempt_at = next_attempt_at - interval '1 hour' WHERE recipient = $1 AND alert_id = $2 RETURNING 1", mobile, alertId);
        await DeliverAsync();
        Assert.That(await StatusAsync(mobile, "Sent"), Is.True);
        Assert.That(await TestHost.ScalarAsync<int>("SELECT attempts FROM sms_messages WHERE recipient = $1 AND alert_id = $2", mobile, alertId), Is.EqualTo(2), "it was sent again, with the same OutId");
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1), "the handset got one message");
    }
}
