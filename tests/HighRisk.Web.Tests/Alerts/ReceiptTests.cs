using System.Net;
using Microsoft.Extensions.Configuration;
using System.Text;
using System.Text.Json.Nodes;
using HighRisk.Features.Messaging;
using HighRisk.Features.Messaging.Providers;
using HighRisk.SmsProviders.Tests;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Alerts;

/// <summary>
/// Delivery receipts pushed the way Alibaba Cloud pushes them (HTTP batch push of SmsReport) by the local fake gateway
/// into the running service: delivered alerts say so, an undelivered alert is escalated once, and nothing else moves.
/// Women live in Yuetang townships 430304010, 014 and 015.
/// </summary>
[NonParallelizable]
public class ReceiptTests : ServiceFixture
{
    private static FakeSmsGateway Gateway => FakeSmsGateway.Shared;

    private Uri AliyunReceipts(string? token) =>
        new(BaseAddress, "/api/sms/receipts/aliyun" + (token is null ? string.Empty : "?token=" + Uri.EscapeDataString(token)));

    private Uri ReceiptAddress => AliyunReceipts(Gateway.ReceiptToken);

    [SetUp]
    public Task RecoverGatewayAsync() => Gateway.RecoverAsync();

    /// <summary>A red alert delivered to a fresh staff mobile: the alert, that mobile, and what the fake handed to the handset.</summary>
    private async Task<(Guid AlertId, string Mobile, FakeSms Sms)> SentAlertAsync(string township)
    {
        var (alertId, mobile) = await DeliveryTests.RedAlertAsync(this, township);
        await DeliveryTests.DeliverAsync(this);
        Assert.That(await DeliveryTests.StatusAsync(this, mobile, "Sent"), Is.True);
        return (alertId, mobile, Gateway.DeliveredTo(mobile).Single());
    }

    private async Task<JsonObject> MessageAsync(Guid alertId, string mobile)
    {
        var (_, alerts) = await Api.GetAsync($"/api/alerts?division=430304", Admin);
        var alert = alerts!["items"]!.AsArray().Single(a => a!["id"]!.GetValue<Guid>() == alertId)!;
        return alert["messages"]!.AsArray().Single(m => m!["recipient"]!.GetValue<string>() == $"{mobile[..3]}****{mobile[^4..]}")!.AsObject();
    }

    [Test]
    public async Task DeliveredReceipt_MarksTheMessageDelivered_AndTheSameReceiptAgainChangesNothing()
    {
        var (alertId, mobile, sms) = await SentAlertAsync("430304010");

        var (status, body) = await Gateway.PushReceiptsAsync(ReceiptAddress, (sms, true, "DELIVERED", "用户接收成功"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        var answer = JsonNode.Parse(body)!;
        Assert.Multiple(() =>
        {
            Assert.That(answer["code"]!.GetValue<int>(), Is.Zero, "Alibaba Cloud stops pushing on code 0");
            Assert.That(answer["changed"]!.GetValue<int>(), Is.EqualTo(1));
        });
        var message = await MessageAsync(alertId, mobile);
        Assert.Multiple(() =>
        {
            Assert.That(message["status"]!.GetValue<string>(), Is.EqualTo("delivered"));
            Assert.That(message["deliveredAt"]?.GetValue<DateTimeOffset>(), Is.Not.Null);
        });

        // Alibaba Cloud does not promise a receipt only once.
        (status, body) = await Gateway.PushReceiptsAsync(ReceiptAddress, (sms, true, "DELIVERED", "用户接收成功"), (sms, false, "MK:0001", "late failure"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(JsonNode.Parse(body)!["changed"]!.GetValue<int>(), Is.Zero, "delivered stays delivered");
        Assert.That(await ScalarAsync<string>("SELECT status FROM sms_messages WHERE recipient = $1 AND alert_id = $2", mobile, alertId), Is.EqualTo("Delivered"));
    }

    [Test]
    public async Task UndeliveredAlert_IsFailedWithTheReceiptCode_AndEscalatedOnceToTheCounty()
    {
        var countyMobile = DeliveryTests.NewMobile();
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = "430304", role = "countyOnDuty", name = $"县值班{countyMobile}", mobile = countyMobile }, HttpStatusCode.Created, Admin);
        var (alertId, mobile, sms) = await SentAlertAsync("430304014");

        var (status, body) = await Gateway.PushReceiptsAsync(ReceiptAddress, (sms, false, "MN:0001", "空号"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        var message = await MessageAsync(alertId, mobile);
        Assert.Multiple(() =>
        {
            Assert.That(message["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(message["lastError"]!.GetValue<string>(), Does.Contain("MN:0001"));
        });

        // The escalation runs by itself, promptly, without waiting for its five-minute schedule.
        Assert.That(await EventuallyAsync("SELECT EXISTS (SELECT 1 FROM alerts WHERE id = $1 AND escalated_at IS NOT NULL AND escalation_reason = 'failed')", alertId), Is.True);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE alert_id = $1 AND kind = 'Escalation' AND recipient = $2", alertId, countyMobile), Is.EqualTo(1));
        Assert.That(await ScalarAsync<string>("SELECT text FROM sms_messages WHERE alert_id = $1 AND kind = 'Escalation' AND recipient = $2", alertId, countyMobile), Does.Contain("预警短信发送失败"));

        // The same failure pushed again: no second escalation.
        await Gateway.PushReceiptsAsync(ReceiptAddress, (sms, false, "MN:0001", "空号"));
        await Api.RunJobAsync("alert-escalation");
        await Task.Delay(1500);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE alert_id = $1 AND kind = 'Escalation' AND recipient = $2", alertId, countyMobile), Is.EqualTo(1));
    }

    [Test]
    public async Task AcknowledgedAlert_WhoseCopyWasNotDelivered_IsNotEscalated()
    {
        var (alertId, mobile, sms) = await SentAlertAsync("430304015");
        var (acknowledged, _, _) = await Api.PostAsync($"/api/alerts/{alertId}/ack", new { action = "已电话联系孕妇，明日到市妇幼评估" }, client: Admin);
        Assert.That(acknowledged, Is.EqualTo(HttpStatusCode.OK));

        await Gateway.PushReceiptsAsync(ReceiptAddress, (sms, false, "IC:0015", "停机"));
        Assert.That(await DeliveryTests.StatusAsync(this, mobile, "Failed"), Is.True);
        await Api.RunJobAsync("alert-escalation");
        await Task.Delay(1500);
        Assert.That(await ScalarAsync<bool>("SELECT escalated_at IS NULL FROM alerts WHERE id = $1", alertId), Is.True, "someone already acted on it");
    }

    [Test]
    public async Task WrongOrMissingToken_Is401_AndNothingChanges()
    {
        var (alertId, mobile, sms) = await SentAlertAsync("430304010");
        foreach (var token in new[] { "guessed", null })
        {
            var (status, body) = await Gateway.PushReceiptsAsync(AliyunReceipts(token), (sms, true, "DELIVERED", "用户接收成功"));
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized), body);
            Assert.That(body, Does.Contain("token"));
        }

        Assert.That(await ScalarAsync<string>("SELECT status FROM sms_messages WHERE recipient = $1 AND alert_id = $2", mobile, alertId), Is.EqualTo("Sent"));
    }

    [Test]
    public async Task BadReceiptInAPush_Is400NamingItsField_AndNoneOfThePushIsApplied()
    {
        var (alertId, mobile, sms) = await SentAlertAsync("430304014");
        var good = $$"""{"out_id":"{{sms.OutId}}","biz_id":"{{sms.BizId}}","success":true,"err_code":"DELIVERED","err_msg":"ok","report_time":"2026-03-16 10:00:00"}""";
        foreach (var (bad, field) in new[]
                 {
                     ("""{"out_id":"not-an-id","success":true,"err_code":"DELIVERED","report_time":"2026-03-16 10:00:00"}""", "[1].out_id"),
                     ("""{"out_id":"0190a0b0c0d0e0f00000000000000000","success":true,"err_code":"DELIVERED","report_time":"yesterday"}""", "[1].report_time"),
                     ("""{"biz_id":"1","err_code":"DELIVERED","report_time":"2026-03-16 10:00:00"}""", "[1].success"),
                     ("""{"out_id":"0190a0b0c0d0e0f00000000000000000","success":"yes","err_code":"DELIVERED","report_time":"2026-03-16 10:00:00"}""", "[1].success"),
                 })
        {
            using var content = new StringContent($"[{good},{bad}]", Encoding.UTF8, "application/json");
            var response = await Anonymous.PostAsync(ReceiptAddress, content);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToJsonString());
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        }

        Assert.That(await ScalarAsync<string>("SELECT status FROM sms_messages WHERE recipient = $1 AND alert_id = $2", mobile, alertId), Is.EqualTo("Sent"));
    }

    [Test]
    public async Task ReceiptForNoMessageOfOurs_IsAcknowledgedAndCountedUnknown()
    {
        var stranger = new FakeSms("13900001111", Gateway.SignName, "SMS_1", null, Guid.NewGuid().ToString("N"), "1^0");
        var (status, body) = await Gateway.PushReceiptsAsync(ReceiptAddress, (stranger, true, "DELIVERED", "用户接收成功"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(JsonNode.Parse(body)!["unknown"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task WebhookReceipt_SignedWithTheSecret_IsRecorded_AndUnsignedIs401()
    {
        var (alertId, mobile, sms) = await SentAlertAsync("430304015");
        var body = Encoding.UTF8.GetBytes($$"""[{"out_id":"{{Guid.ParseExact(sms.OutId, "N"):D}}","success":true,"err_code":"DELIVERED","err_msg":"ok","report_time":"2026-03-16 10:00:00"}]""");
        var address = new Uri(BaseAddress, "/api/sms/receipts/webhook");

        using var unsigned = new ByteArrayContent(body);
        unsigned.Headers.ContentType = new("application/json");
        Assert.That((await Anonymous.PostAsync(address, unsigned)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var signedRequest = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(body) };
        signedRequest.Content.Headers.ContentType = new("application/json");
        signedRequest.Headers.Add("X-HighRisk-Signature", WebhookSmsGateway.Signature(body, WebhookReceiptSecret));
        var response = await Anonymous.SendAsync(signedRequest);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await ScalarAsync<string>("SELECT status FROM sms_messages WHERE recipient = $1 AND alert_id = $2", mobile, alertId), Is.EqualTo("Delivered"));
    }

    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase("REPLACE_ME", false)]
    [TestCase("0123456789abcdef0123456789abcde", false)]
    [TestCase("0123456789abcdef0123456789abcdef", true)]
    public void ReceiptSecret_UnderThirtyTwoCharacters_KeepsTheAddressClosed(string? value, bool open)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SmsCallback.AliyunTokenSetting] = value }).Build();
        Assert.That(SmsCallback.Secret(configuration, SmsCallback.AliyunTokenSetting), open ? Is.EqualTo(value) : Is.Null);
    }

    [Test]
    public void SendAnswerRecordedAfterTheReceipt_KeepsTheReceiptsOutcome()
    {
        var message = SmsMessage.Queue("test:receipt-race", SmsKind.Alert, null, "13900002222", "text", "SMS_1", new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, TimeSpan.FromHours(1));
        Assert.That(message.RecordReceipt(true, "DELIVERED", null, DateTimeOffset.UnixEpoch), Is.True);
        message.MarkSent(DateTimeOffset.UnixEpoch.AddSeconds(1), "42^0");
        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(SmsStatus.Delivered));
            Assert.That(message.SentAt, Is.Not.Null);
            Assert.That(message.ProviderMessageId, Is.EqualTo("42^0"));
        });
    }
}
