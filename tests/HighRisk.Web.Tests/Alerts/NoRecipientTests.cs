using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HighRisk.SmsProviders.Tests;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Alerts;

/// <summary>
/// A red alert where nobody is there to tell: the nearest level above that has a contact gets it at once; with nobody
/// anywhere it is flagged, /health/ready is degraded with the count, and the township is on the administrators' list
/// of missing contacts until a contact is added; a contact or a health worker's mobile added later gets the alert then,
/// once, and the flag clears. The women are booked by the township's MCH staff account, so no health
/// worker's mobile is among the recipients; each test has a database of its own, since it counts the whole service.
/// </summary>
[NonParallelizable]
public class NoRecipientTests : ServiceFixture
{
    private const string Township = Bookings.Township;   // 430302101 楠竹山镇, Yuhu district (430302), Xiangtan (4303)

    public NoRecipientTests()
        : base(ServiceFor.EachTest)
    {
    }

    private static FakeSmsGateway Gateway => FakeSmsGateway.Shared;

    [SetUp]
    public Task RecoverGatewayAsync() => Gateway.RecoverAsync();

    private async Task AddContactAsync(string division, string role, string mobile) =>
        await Api.PostAsync("/api/admin/contacts", new { divisionCode = division, role, name = $"联系人{mobile}", mobile }, HttpStatusCode.Created, Admin);

    private async Task<JsonObject> RedAlertAsync()
    {
        var booker = Clients["township"];
        var id = await Api.BookAsync(Bookings.AWoman(30).With("divisionCode", Bookings.Village), booker);
        var exam = await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 60 }), booker);
        Assert.That(exam["grade"]!.GetValue<string>(), Is.EqualTo("red"));
        var alerts = (await Api.GetAsync($"/api/alerts?pregnancyId={id}", Admin)).Body!["items"]!.AsArray();
        Assert.That(alerts, Has.Count.EqualTo(1));
        return alerts[0]!.AsObject();
    }

    private async Task<string> ReadyAsync()
    {
        using var response = await Anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }

    private async Task<JsonNode> MissingAsync()
    {
        var (status, body) = await Api.GetAsync("/api/admin/contacts/missing", Admin);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!;
    }

    private static JsonNode? Entry(JsonNode missing, string township) =>
        missing["items"]!.AsArray().SingleOrDefault(i => i!["townshipCode"]!.GetValue<string>() == township);

    [Test]
    public async Task NoTownshipContact_ButACountyOne_TheCountyIsToldAtOnce()
    {
        var county = DeliveryTests.NewMobile();
        await AddContactAsync(Township[..6], "countyOnDuty", county);

        var alert = await RedAlertAsync();
        var messages = alert["messages"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => m!["recipient"]!.GetValue<string>()), Is.EqualTo(new[] { $"{county[..3]}****{county[^4..]}" }));
            Assert.That(alert["noRecipient"]!.GetValue<bool>(), Is.False);
            Assert.That(alert["status"]!.GetValue<string>(), Is.EqualTo("open"), "the county on-duty number is one of an alert's own recipients");
        });

        await Api.RunJobAsync("sms-delivery");
        Assert.That(await DeliveryTests.StatusAsync(this, county, "Sent"), Is.True);
        Assert.That(Gateway.DeliveredTo(county), Has.Count.EqualTo(1));
        Assert.That(Entry(await MissingAsync(), Township), Is.Null, "a county on-duty number is a contact for her alerts");
        Assert.That(await ReadyAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task OnlyACityContact_TheAlertIsEscalatedToTheCityAtOnce_AndTheTownshipIsListed()
    {
        var city = DeliveryTests.NewMobile();
        await AddContactAsync(Township[..4], "cityMch", city);

        var alert = await RedAlertAsync();
        Assert.Multiple(() =>
        {
            Assert.That(alert["status"]!.GetValue<string>(), Is.EqualTo("escalated"));
            Assert.That(alert["escalationReason"]!.GetValue<string>(), Is.EqualTo("noRecipient"));
            Assert.That(alert["escalatedAt"], Is.Not.Null);
            Assert.That(alert["noRecipient"]!.GetValue<bool>(), Is.False, "someone was told");
            Assert.That(alert["messages"]!.AsArray().Select(m => m!["recipient"]!.GetValue<string>()), Is.EqualTo(new[] { $"{city[..3]}****{city[^4..]}" }));
        });

        await Api.RunJobAsync("sms-delivery");
        Assert.That(await DeliveryTests.StatusAsync(this, city, "Sent"), Is.True);
        Assert.That(Gateway.DeliveredTo(city), Has.Count.EqualTo(1));
        Assert.That(Gateway.DeliveredTo(city)[0].TemplateParams, Does.Contain("肺动脉").Or.Contain("\\u80BA\\u52A8\\u8109"), "the alert itself, with her factor");

        var entry = Entry(await MissingAsync(), Township);
        Assert.That(entry, Is.Not.Null, "nobody of the township or county would be told");
        Assert.Multiple(() =>
        {
            Assert.That(entry!["women"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(entry["townshipName"]!.GetValue<string>(), Is.EqualTo("楠竹山镇"));
            Assert.That(entry["escalatedTo"]!.AsArray().Select(e => $"{e!["role"]}@{e["divisionCode"]}"), Is.EqualTo(new[] { "cityMch@4303" }));
        });
        Assert.That(await ReadyAsync(), Is.EqualTo("Healthy"), "the alert reached someone");
    }

    [Test]
    public async Task NoContactAnywhere_TheAlertIsFlagged_ReadinessDegradedWithTheCount_UntilAcknowledged()
    {
        var alert = await RedAlertAsync();
        Assert.Multiple(() =>
        {
            Assert.That(alert["noRecipient"]!.GetValue<bool>(), Is.True);
            Assert.That(alert["messages"]!.AsArray(), Is.Empty);
            Assert.That(alert["status"]!.GetValue<string>(), Is.EqualTo("open"));
        });

        Assert.That(await ReadyAsync(), Does.StartWith("Degraded: alerts: 1 alert(s) reached nobody"));
        Assert.That(await ReadyAsync(), Does.StartWith("Degraded"), "asked twice");
        Assert.That(LogLines.Count(l => l.Contains("Alerts that reached nobody and are not acknowledged: 1", StringComparison.Ordinal)), Is.EqualTo(1),
            "logged when the count changes, not on every probe");

        var missing = await MissingAsync();
        Assert.Multiple(() =>
        {
            Assert.That(missing["alertsWithoutRecipient"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(Entry(missing, Township)?["escalatedTo"]!.AsArray(), Is.Empty, "nobody above either");
        });

        // The administrators see it on the alerts page.
        using (var page = await Admin.GetAsync(new Uri("/alerts", UriKind.Relative)))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.That(html, Does.Contain("1 条预警无人接收").And.Contain("无人接收：本地及上级均未设置联系人").And.Contain("楠竹山镇"));
        }

        await Api.PostAsync($"/api/alerts/{alert["id"]}/ack", new { action = "已电话通知乡镇专干" }, HttpStatusCode.OK, Admin);
        Assert.That(await ReadyAsync(), Is.EqualTo("Healthy"));
        Assert.That((await MissingAsync())["alertsWithoutRecipient"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task NoContactAnywhere_ThenATownshipContactIsAdded_TheAlertIsSentToItOnce_AndTheFlagClears()
    {
        var alert = await RedAlertAsync();
        Assert.That(alert["noRecipient"]!.GetValue<bool>(), Is.True);
        Assert.That(await ReadyAsync(), Does.StartWith("Degraded: alerts: 1 alert(s) reached nobody"));

        var mobile = DeliveryTests.NewMobile();
        var contact = new { divisionCode = Township, role = "subdistrictStaff", name = $"专干{mobile}", mobile };
        var key = Guid.NewGuid().ToString();
        var (status, created, _) = await Api.PostAsync("/api/admin/contacts", contact, key, Admin);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), created?.ToJsonString());
        var (retried, again, _) = await Api.PostAsync("/api/admin/contacts", contact, key, Admin);
        Assert.That(retried, Is.EqualTo(HttpStatusCode.Created), again?.ToJsonString());
        Assert.That(again!["id"]!.GetValue<Guid>(), Is.EqualTo(created!["id"]!.GetValue<Guid>()), "the retry is answered from the first request");
        // Saving the contact again (an edit that changes nothing) finds no alert left to send.
        await PutContactAsync(created["id"]!.GetValue<Guid>(), contact);

        var after = await AlertAsync(alert["id"]!.GetValue<Guid>());
        Assert.Multiple(() =>
        {
            Assert.That(after["noRecipient"]!.GetValue<bool>(), Is.False);
            Assert.That(after["status"]!.GetValue<string>(), Is.EqualTo("open"), "the township's own contact: no escalation");
            Assert.That(after["messages"]!.AsArray().Select(m => m!["recipient"]!.GetValue<string>()), Is.EqualTo(new[] { $"{mobile[..3]}****{mobile[^4..]}" }));
        });
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE alert_id = $1", alert["id"]!.GetValue<Guid>()), Is.EqualTo(1),
            "queued once, whatever the retries");
        Assert.That(await ReadyAsync(), Is.EqualTo("Healthy"), "the flag cleared");
        Assert.That((await MissingAsync())["alertsWithoutRecipient"]!.GetValue<int>(), Is.Zero);

        await Api.RunJobAsync("sms-delivery");
        Assert.That(await DeliveryTests.StatusAsync(this, mobile, "Sent"), Is.True);
        Assert.That(Gateway.DeliveredTo(mobile), Has.Count.EqualTo(1));
        Assert.That(Gateway.DeliveredTo(mobile)[0].TemplateParams, Does.Contain("肺动脉").Or.Contain("\\u80BA\\u52A8\\u8109"), "the alert itself, with her factor");
    }

    [Test]
    public async Task NoContactAnywhere_ThenOnlyACityContact_TheAlertIsEscalatedToIt()
    {
        var alert = await RedAlertAsync();
        var city = DeliveryTests.NewMobile();
        await AddContactAsync(Township[..4], "cityMch", city);

        var after = await AlertAsync(alert["id"]!.GetValue<Guid>());
        Assert.Multiple(() =>
        {
            Assert.That(after["noRecipient"]!.GetValue<bool>(), Is.False);
            Assert.That(after["status"]!.GetValue<string>(), Is.EqualTo("escalated"));
            Assert.That(after["escalationReason"]!.GetValue<string>(), Is.EqualTo("noRecipient"));
            Assert.That(after["messages"]!.AsArray().Select(m => m!["recipient"]!.GetValue<string>()), Is.EqualTo(new[] { $"{city[..3]}****{city[^4..]}" }));
        });
        Assert.That(await ReadyAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task NoContactAnywhere_ThenHerHealthWorkersAccountGetsAMobile_TheWorkerIsTold()
    {
        var alert = await RedAlertAsync();
        var account = await Api.PostAsync("/api/admin/users", new
        {
            userName = $"wang-{Guid.NewGuid():N}"[..20],
            displayName = "王医生",   // the health worker named on her booking, at her facility
            role = "healthWorker",
            facilityCode = Bookings.Facility,
            password = TestUsers.Password,
        }, HttpStatusCode.Created, Admin);
        Assert.That((await AlertAsync(alert["id"]!.GetValue<Guid>()))["noRecipient"]!.GetValue<bool>(), Is.True, "an account without a mobile tells nobody");

        var mobile = DeliveryTests.NewMobile();
        var id = account!["id"]!.GetValue<Guid>();
        using (var put = await Admin.PutAsJsonAsync(new Uri($"/api/admin/users/{id}", UriKind.Relative),
            new { displayName = "王医生", role = "healthWorker", facilityCode = Bookings.Facility, mobile }))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        }

        var after = await AlertAsync(alert["id"]!.GetValue<Guid>());
        Assert.Multiple(() =>
        {
            Assert.That(after["noRecipient"]!.GetValue<bool>(), Is.False);
            Assert.That(after["messages"]!.AsArray().Select(m => m!["recipient"]!.GetValue<string>()), Is.EqualTo(new[] { $"{mobile[..3]}****{mobile[^4..]}" }));
        });
        Assert.That(await ReadyAsync(), Is.EqualTo("Healthy"));
    }

    private async Task<JsonObject> AlertAsync(Guid id)
    {
        var (status, body) = await Api.GetAsync("/api/alerts", Admin);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!["items"]!.AsArray().Single(a => a!["id"]!.GetValue<Guid>() == id)!.AsObject();
    }

    private async Task PutContactAsync(Guid id, object contact)
    {
        using var response = await Admin.PutAsJsonAsync(new Uri($"/api/admin/contacts/{id}", UriKind.Relative), contact);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
