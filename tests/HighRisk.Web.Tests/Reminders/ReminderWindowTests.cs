using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;
using static HighRisk.Web.Tests.Reminders.Reminding;

namespace HighRisk.Web.Tests.Reminders;

/// <summary>The send window and the gateway failing: a reminder leaves between 08:00 and 20:00 Asia/Shanghai or not at all, once; its text never holds her colour or a diagnosis.</summary>
[NonParallelizable]
public class ReminderWindowTests : ServiceFixture
{
    public ReminderWindowTests()
        : base(ServiceFor.EachTest)
    {
    }

    [SetUp]
    public Task RecoverGatewayAsync() => Gateway.RecoverAsync();

    [Test]
    public async Task GatewayFailing_LeavesItQueued_ThenSentOnce()
    {
        var (id, mobile) = await BookAsync(this);
        var due = await NextDueAsync(this, id);
        await Gateway.GoDownAsync();
        await AtAsync(this, due.AddDays(-3), 8, 0);
        await DeliverAsync(this);
        Assert.That(
            await ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM sms_messages WHERE recipient = $1 AND status = 'Queued' AND attempts = 1 AND last_error IS NOT NULL)", mobile),
            Is.True, "a transient failure leaves it queued");

        await Gateway.RecoverAsync();
        await AdvanceAsync(TimeSpan.FromMinutes(6));
        await DeliverAsync(this);
        await DeliverAsync(this);
        Assert.That(await OutboxAsync(this, mobile, "Sent"), Is.EqualTo(1));
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GatewayDownAllDay_TheReminderExpiresAt2000_AndNeverLeavesOutsideTheWindow()
    {
        var (id, mobile) = await BookAsync(this);
        var due = await NextDueAsync(this, id);
        await Gateway.GoDownAsync();
        await AtAsync(this, due.AddDays(-3), 8, 0);
        await DeliverAsync(this);
        await AtAsync(this, due.AddDays(-3), 19, 59);
        await DeliverAsync(this);
        Assert.That(await OutboxAsync(this, mobile, "Queued"), Is.EqualTo(3), "still waiting within the window");

        await Gateway.RecoverAsync();
        await AtAsync(this, due.AddDays(-3), 20, 0);
        await DeliverAsync(this);
        Assert.That(Gateway.DeliveredTo(mobile), Is.Empty, "not after 20:00");
        Assert.That(await OutboxAsync(this, mobile, "Expired"), Is.EqualTo(1));

        // The next reminder, two days later, goes in its own window.
        await AtAsync(this, due.AddDays(-1), 8, 1);
        await DeliverAsync(this);
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1));
        var outside = await ScalarAsync<long>(
            "SELECT count(*) FROM sms_messages WHERE kind = 'Reminder' AND sent_at IS NOT NULL AND NOT ((sent_at AT TIME ZONE 'Asia/Shanghai')::time BETWEEN '08:00' AND '20:00')");
        Assert.That(outside, Is.Zero);
    }

    [Test]
    public async Task ARedWomanWithADiagnosis_HerReminderNamesTheFacilityAndTheDateOnly()
    {
        var (id, mobile) = await BookAsync(this, booking: Bookings.AWoman(30));
        var exam = await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 60 }));
        Assert.That(exam.ToJsonString(), Does.Contain("red"));
        await Api.PostAsync($"/api/pregnancies/{id}/follow-ups", new { date = Day(Clock.Today), kind = "phone", reached = true }, System.Net.HttpStatusCode.Created);
        var due = await NextDueAsync(this, id);
        Assert.That(await RemindersAsync(this, id), Is.Not.Empty);

        await AtAsync(this, due.AddDays(-1), 8, 0);
        await DeliverAsync(this);
        var sms = Gateway.DeliveredTo(mobile);
        Assert.That(sms, Is.Not.Empty);
        var texts = await ScalarAsync<string>("SELECT string_agg(text || ' ' || template_params::text, ' | ') FROM sms_messages WHERE recipient = $1", mobile);
        var sent = string.Join(" ", sms.Select(s => System.Text.RegularExpressions.Regex.Unescape(s.TemplateParams ?? string.Empty) + s.SignName)) + texts;
        foreach (var revealing in new[] { "红", "橙", "黄", "绿", "紫", "高危", "风险", "肺动脉", "高压" })
        {
            Assert.That(sent, Does.Not.Contain(revealing));
        }

        Assert.That(sent, Does.Contain("楠竹山镇").And.Contain($"{due.Month}月{due.Day}日"));
    }
}
