using System.Net;
using System.Text.Json.Nodes;
using HighRisk.SmsProviders.Tests;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Alerts;

/// <summary>
/// A red alert where nobody is there to tell: the nearest level above that has a contact gets it at once; with nobody
/// anywhere it is flagged, /health/ready is degraded with the count, and the township is on the administrators' list
/// of missing contacts until a contact is added. The women are booked by the township's MCH staff account, so no health
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

        await AddContactAsync(Township, "subdistrictStaff", DeliveryTests.NewMobile());
        missing = await MissingAsync();
        Assert.That(Entry(missing, Township), Is.Null, "a contact takes the township off the list");
        Assert.That(missing["alertsWithoutRecipient"]!.GetValue<int>(), Is.EqualTo(1), "the alert itself still reached nobody");

        await Api.PostAsync($"/api/alerts/{alert["id"]}/ack", new { action = "已电话通知乡镇专干" }, HttpStatusCode.OK, Admin);
        Assert.That(await ReadyAsync(), Is.EqualTo("Healthy"));
        Assert.That((await MissingAsync())["alertsWithoutRecipient"]!.GetValue<int>(), Is.Zero);
    }
}
