using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using static HighRisk.Web.Tests.Reminders.Reminding;

namespace HighRisk.Web.Tests.Reminders;

/// <summary>
/// Reminders to the woman herself, through the API, the reminder and delivery jobs and the local fake Alibaba Cloud:
/// with consent only, at 08:00 on the right morning, taken back when she is seen or withdraws, never outside 08:00–20:00,
/// never revealing her colour or a diagnosis. Each test has a service of its own (each travels in time).
/// </summary>
[NonParallelizable]
public class ReminderTests : ServiceFixture
{
    public ReminderTests()
        : base(ServiceFor.EachTest)
    {
    }

    [SetUp]
    public Task RecoverGatewayAsync() => Gateway.RecoverAsync();

    [Test]
    public async Task ConsentingWomanDueInThreeDays_GetsOneReminderAtEightOnThatMorning_AndNoneAfterSheIsSeen()
    {
        var (id, mobile) = await BookAsync(this);
        var due = await NextDueAsync(this, id);
        var reminders = await RemindersAsync(this, id);
        Assert.That(reminders.Select(r => r.SendOn), Does.Contain(due.AddDays(-3)).And.Contain(due.AddDays(-1)));
        Assert.That(reminders.Select(r => r.Status), Is.All.EqualTo("queued"));

        // The evening before and at 07:59: nothing leaves.
        await AtAsync(this, due.AddDays(-4), 19, 0);
        await DeliverAsync(this);
        await AtAsync(this, due.AddDays(-3), 7, 59);
        await DeliverAsync(this);
        Assert.That(Gateway.DeliveredTo(mobile), Is.Empty, "not before 08:00");

        await AtAsync(this, due.AddDays(-3), 8, 0);
        await DeliverAsync(this);
        await DeliverAsync(this);
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1), "one reminder, sent once");
        Assert.That(Gateway.DeliveredTo(mobile)[0].SignName, Is.EqualTo(Gateway.ReminderSignName), "signed neutrally");
        var sentAt = await ScalarAsync<DateTime>("SELECT sent_at AT TIME ZONE 'Asia/Shanghai' FROM sms_messages WHERE recipient = $1 AND status = 'Sent'", mobile);
        Assert.That((sentAt.Date, sentAt.Hour), Is.EqualTo((due.AddDays(-3).ToDateTime(TimeOnly.MinValue), 8)));
        Assert.That((await RemindersAsync(this, id)).Single(r => r.SendOn == due.AddDays(-3)).Status, Is.EqualTo("sent"));

        // She is seen the next day: the reminder of the day before her due date is taken back and never sent.
        await TravelToAsync(due.AddDays(-2));
        await Api.ExamAsync(id, Bookings.AnExam());
        var after = await RemindersAsync(this, id);
        var takenBack = after.Where(r => r.DueDate == due && r.SendOn > due.AddDays(-3)).Select(r => r.Status).ToList();
        Assert.That(takenBack, Is.Not.Empty.And.All.EqualTo("cancelled"));
        var newDue = await NextDueAsync(this, id);
        var following = after.Where(r => r.Status == "queued").Select(r => r.DueDate).ToList();
        Assert.That(following, Is.Not.Empty.And.All.EqualTo(newDue), "the reminders follow the new due date");

        await AtAsync(this, due.AddDays(-1), 8, 30);
        await DeliverAsync(this);
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1), "nothing after she was seen");
    }

    [Test]
    public async Task WithoutConsent_NoReminderIsQueuedOrSent()
    {
        var (never, neverMobile) = await BookAsync(this, consent: null);
        var (refused, refusedMobile) = await BookAsync(this, consent: false);
        var due = await NextDueAsync(this, never);
        Assert.That((await RecordAsync(this, never))["smsConsent"]!["given"]!.GetValue<bool>(), Is.False);
        Assert.That(await RemindersAsync(this, never), Is.Empty);
        Assert.That(await RemindersAsync(this, refused), Is.Empty);

        await AtAsync(this, due.AddDays(-3), 9, 0);
        await RunToEndAsync(this, "reminders");
        await DeliverAsync(this);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE recipient IN ($1, $2)", neverMobile, refusedMobile), Is.Zero);
        Assert.That(Gateway.DeliveredTo(neverMobile).Concat(Gateway.DeliveredTo(refusedMobile)), Is.Empty);
    }

    [Test]
    public async Task WithdrawnConsent_CancelsTheQueuedReminders_AndIsAudited()
    {
        var (id, mobile) = await BookAsync(this);
        var due = await NextDueAsync(this, id);
        Assert.That(await OutboxAsync(this, mobile, "Queued"), Is.GreaterThan(0));

        var answer = await Api.PostAsync($"/api/pregnancies/{id}/sms-consent", new { given = false, date = Day(Clock.Today), note = "电话告知不再接收" }, HttpStatusCode.OK);
        Assert.That(answer!["smsConsent"]!["given"]!.GetValue<bool>(), Is.False);
        Assert.That(answer["reminders"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()), Is.All.EqualTo("cancelled"));
        Assert.That(await OutboxAsync(this, mobile, "Queued"), Is.Zero);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE entity_id = $1 AND detail LIKE 'RecordSmsConsent given=False%'", id.ToString()), Is.EqualTo(1));

        await AtAsync(this, due.AddDays(-3), 8, 0);
        await RunToEndAsync(this, "reminders");
        await DeliverAsync(this);
        Assert.That(Gateway.DeliveredTo(mobile), Is.Empty);

        // Given again: her reminders come back, from then on.
        await Api.PostAsync($"/api/pregnancies/{id}/sms-consent", new { given = true, date = Day(Clock.Today) }, HttpStatusCode.OK);
        var queued = (await RemindersAsync(this, id)).Where(r => r.Status == "queued").Select(r => r.SendOn).ToList();
        Assert.That(queued, Is.Not.Empty.And.All.GreaterThanOrEqualTo(Clock.Today));
    }

    [Test]
    public async Task ReplyTD_WithdrawsHerConsent()
    {
        var (id, mobile) = await BookAsync(this);
        var body = System.Text.Encoding.UTF8.GetBytes($$"""[{"phone_number":"{{mobile}}","content":" td ","send_time":"2026-03-16 10:05:00","dest_code":"1234"}]""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/replies/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-HighRisk-Signature", HighRisk.Features.Messaging.Providers.WebhookSmsGateway.Signature(body, WebhookReceiptSecret));
        var response = await Anonymous.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["withdrawn"]!.GetValue<int>(), Is.EqualTo(1));

        var record = await RecordAsync(this, id);
        Assert.That(record["smsConsent"]!["given"]!.GetValue<bool>(), Is.False);
        Assert.That(record["smsConsent"]!["source"]!.GetValue<string>(), Is.EqualTo("reply"));
        Assert.That(await OutboxAsync(this, mobile, "Queued"), Is.Zero);
    }

    [Test]
    public async Task ReplyWithAWrongSignatureOrToken_Is401_AndHerConsentStands()
    {
        var (id, mobile) = await BookAsync(this);
        var body = System.Text.Encoding.UTF8.GetBytes($$"""[{"phone_number":"{{mobile}}","content":"TD","send_time":"2026-03-16 10:05:00"}]""");
        foreach (var (path, signature) in new[]
                 {
                     ("/api/sms/replies/webhook", "sha256=" + new string('0', 64)), ("/api/sms/replies/webhook", null),
                     ("/api/sms/replies/aliyun?token=guessed", null), ("/api/sms/replies/aliyun", null),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            if (signature is not null)
            {
                request.Headers.Add("X-HighRisk-Signature", signature);
            }

            using var response = await Anonymous.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{path}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.That((await RecordAsync(this, id))["smsConsent"]!["given"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task ConsentInTheFuture_IsA400NamingTheField()
    {
        var (id, _) = await BookAsync(this, consent: null);
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/sms-consent", new { given = true, date = Day(Clock.Today.AddDays(1)) });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Does.Contain("date"));
        var (booking, bookingProblem, _) = await Api.PostAsync("/api/pregnancies", Bookings.AWoman().With("smsConsent", new JsonObject { ["date"] = Day(Clock.Today) }));
        Assert.That(booking, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(bookingProblem), Does.Contain("smsConsent.given"));
    }

    [Test]
    public async Task ThePatchOfHerRecord_TakesSmsConsent_NamingItsFields()
    {
        var (id, mobile) = await BookAsync(this, consent: null);
        Assert.That(await OutboxAsync(this, mobile, "Queued"), Is.Zero, "no consent at booking, nothing queued");
        async Task<(HttpStatusCode Status, JsonNode? Body)> PatchAsync(object body)
        {
            var response = await Client.PatchAsync($"/api/pregnancies/{id}", System.Net.Http.Json.JsonContent.Create(body));
            return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
        }

        var (future, futureProblem) = await PatchAsync(new { smsConsent = new { given = true, date = Day(Clock.Today.AddDays(1)) } });
        Assert.That((future, Api.ErrorFields(futureProblem)), Is.EqualTo((HttpStatusCode.BadRequest, new[] { "smsConsent.date" })));
        var (empty, emptyProblem) = await PatchAsync(new { });
        Assert.That((empty, Api.ErrorFields(emptyProblem)), Is.EqualTo((HttpStatusCode.BadRequest, new[] { "smsConsent" })));

        var (ok, answer) = await PatchAsync(new { smsConsent = new { given = true, date = Day(Clock.Today), note = "签署知情同意书" } });
        Assert.That(ok, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
        Assert.That(answer!["smsConsent"]!["given"]!.GetValue<bool>(), Is.True);
        Assert.That(await OutboxAsync(this, mobile, "Queued"), Is.GreaterThan(0), "consent given by the patch queues her reminders");
        var outsider = await Clients["other-township"].PatchAsync(
            $"/api/pregnancies/{id}", System.Net.Http.Json.JsonContent.Create(new { smsConsent = new { given = false, date = Day(Clock.Today) } }));
        Assert.That(outsider.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
