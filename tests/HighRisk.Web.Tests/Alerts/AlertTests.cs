using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Alerts;

/// <summary>Red alerts through HTTP: who is told, once; staying red is quiet; acknowledgement; escalation; expiry.</summary>
[NonParallelizable]
public class AlertTests : ServiceFixture
{
    private static int _mobile = 50_000_000;

    private static string NewMobile() => $"139{Interlocked.Increment(ref _mobile) % 100000000:00000000}";

    private async Task<(string Staff, string County, string City)> ContactsAsync(string township)
    {
        var mobiles = (Staff: NewMobile(), County: NewMobile(), City: NewMobile());
        foreach (var (division, role, mobile) in new[] { (township, "subdistrictStaff", mobiles.Staff), (township[..6], "countyOnDuty", mobiles.County), (township[..4], "cityMch", mobiles.City) })
        {
            await Api.PostAsync("/api/admin/contacts", new { divisionCode = division, role, name = $"联系人{mobile}", mobile }, HttpStatusCode.Created, Admin);
        }

        return mobiles;
    }

    private async Task<Guid> RedWomanAsync(string village)
    {
        var id = await Api.BookAsync(Bookings.AWoman(28).With("divisionCode", village));
        var exam = await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 55 }));
        Assert.That(exam["grade"]!.GetValue<string>(), Is.EqualTo("red"));
        return id;
    }

    private async Task<JsonArray> AlertsAsync(Guid pregnancyId) =>
        (await Api.GetAsync($"/api/alerts?pregnancyId={pregnancyId}", Admin)).Body!["items"]!.AsArray();

    private static string Masked(string mobile) => $"{mobile[..3]}****{mobile[^4..]}";

    [Test]
    public async Task RedExam_TellsEachRecipientOnce_AndStayingRedIsQuiet_ButRedAgainAlertsAgain()
    {
        var (staff, county, _) = await ContactsAsync("430302003");
        var id = await RedWomanAsync("430302003001");
        var alerts = await AlertsAsync(id);
        Assert.That(alerts, Has.Count.EqualTo(1));
        var recipients = alerts[0]!["messages"]!.AsArray().Select(m => m!["recipient"]!.GetValue<string>()).ToList();
        Assert.That(recipients, Is.SupersetOf(new[] { Masked("13900000000"), Masked(staff), Masked(county) }), "health worker, township staff, county on duty");
        Assert.That(recipients, Is.Unique);
        var text = alerts[0]!["messages"]![0]!["text"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("红色预警").And.Contain("测**妇").And.Contain("孕28周").And.Contain("肺动脉"));
            Assert.That(text, Does.Not.Contain("测试孕妇").And.Not.Contain("楠竹山镇一村3组"), "never the full name or the address");
            Assert.That(text.Length, Is.LessThanOrEqualTo(70), text);
        });

        await Api.RunJobAsync("sms-delivery");
        Assert.That(await EventuallyAsync("SELECT bool_and(status = 'Sent') AND count(*) >= 3 FROM sms_messages WHERE alert_id = $1", alerts[0]!["id"]!.GetValue<Guid>()), Is.True);

        await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 60 }));
        Assert.That(await AlertsAsync(id), Has.Count.EqualTo(1), "staying red alerts nobody again");

        var orange = await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 40 }));
        Assert.That(orange["grade"]!.GetValue<string>(), Is.EqualTo("orange"));
        await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 52 }));
        Assert.That(await AlertsAsync(id), Has.Count.EqualTo(2), "red → orange → red alerts again");
    }

    [Test]
    public async Task Acknowledged_ThenASecondAcknowledgementIs409()
    {
        var id = await RedWomanAsync("430302004001");
        var alertId = (await AlertsAsync(id))[0]!["id"]!.GetValue<Guid>();
        var (status, ack, _) = await Api.PostAsync($"/api/alerts/{alertId}/ack", new { action = "已电话联系，明日转市妇幼保健院" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), ack?.ToJsonString());
        Assert.That(ack!["status"]!.GetValue<string>(), Is.EqualTo("acknowledged"));
        Assert.That(ack["acknowledgedAt"], Is.Not.Null);
        var (again, _, _) = await Api.PostAsync($"/api/alerts/{alertId}/ack", new { action = "再次确认" });
        Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict));
        var (missing, problem, _) = await Api.PostAsync($"/api/alerts/{alertId}/ack", new { action = "" });
        Assert.That(missing, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Does.Contain("action"));
    }

    [Test]
    public async Task UnacknowledgedFor24Hours_IsEscalatedToCountyAndCity()
    {
        var (_, county, city) = await ContactsAsync("430302005");
        var id = await RedWomanAsync("430302005001");
        var alertId = (await AlertsAsync(id))[0]!["id"]!.GetValue<Guid>();
        await Api.RunJobAsync("sms-delivery");
        await Api.RunJobAsync("alert-escalation");
        await Task.Delay(1500);
        Assert.That((await AlertsAsync(id))[0]!["status"]!.GetValue<string>(), Is.EqualTo("open"), "not yet 24 hours");

        await TravelToAsync(Clock.Today.AddDays(2));
        await Api.RunJobAsync("alert-escalation");
        Assert.That(await EventuallyAsync("SELECT EXISTS (SELECT 1 FROM alerts WHERE id = $1 AND status = 'Escalated')", alertId), Is.True);
        var escalations = await ScalarAsync<string>(
            "SELECT string_agg(recipient, ',' ORDER BY recipient) FROM sms_messages WHERE alert_id = $1 AND kind = 'Escalation'", alertId);
        Assert.That(escalations.Split(','), Is.SupersetOf(new[] { county, city }));
    }

    [Test]
    public async Task MessagePastItsTimeToLive_IsExpiredNotSent_AndEscalated()
    {
        await ContactsAsync("430302006");
        var id = await RedWomanAsync("430302006001");
        var alertId = (await AlertsAsync(id))[0]!["id"]!.GetValue<Guid>();

        // Nothing was delivered for four days (say the gateway was unreachable): the 72-hour time to live has passed.
        await TravelToAsync(Clock.Today.AddDays(4));
        await Api.RunJobAsync("sms-delivery");
        Assert.That(await EventuallyAsync("SELECT bool_and(status = 'Expired') FROM sms_messages WHERE alert_id = $1 AND kind = 'Alert'", alertId), Is.True);
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE alert_id = $1 AND sent_at IS NOT NULL", alertId), Is.Zero);

        await Api.RunJobAsync("alert-escalation");
        Assert.That(await EventuallyAsync("SELECT EXISTS (SELECT 1 FROM alerts WHERE id = $1 AND escalated_at IS NOT NULL)", alertId), Is.True);
        var alert = (await AlertsAsync(id))[0]!;
        Assert.That(alert["messages"]!.AsArray().Where(m => m!["status"]!.GetValue<string>() == "expired"), Is.Not.Empty);
    }
}
