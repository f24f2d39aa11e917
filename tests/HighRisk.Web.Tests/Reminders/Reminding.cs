using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HighRisk.SmsProviders.Tests;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Reminders;

/// <summary>Steps the reminder tests share: a consenting woman with a mobile of her own, her reminders as her record shows them, jobs run to their end.</summary>
internal static class Reminding
{
    private static int _next = 60_000_000;

    public static FakeSmsGateway Gateway => FakeSmsGateway.Shared;

    public static string NewMobile() => $"137{Interlocked.Increment(ref _next):00000000}";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A woman at 12 weeks (green: due again in 28 days) with her own mobile; with <paramref name="consent"/>, smsConsent given today.</summary>
    public static async Task<(Guid Id, string Mobile)> BookAsync(ServiceFixture service, bool? consent = true, JsonObject? booking = null)
    {
        var mobile = NewMobile();
        var body = (booking ?? service.Bookings.AWoman(12)).With("mobile", mobile);
        if (consent is { } given)
        {
            body = body.With("smsConsent", new JsonObject { ["given"] = given, ["date"] = Day(service.Clock.Today) });
        }

        return (await service.Api.BookAsync(body), mobile);
    }

    public static async Task<JsonObject> RecordAsync(ServiceFixture service, Guid id)
    {
        var (status, body) = await service.Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!.AsObject();
    }

    public static async Task<List<(DateOnly DueDate, DateOnly SendOn, string Status)>> RemindersAsync(ServiceFixture service, Guid id) =>
        [.. (await RecordAsync(service, id))["reminders"]!.AsArray().Select(r => (
            DateOnly.Parse(r!["dueDate"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            DateOnly.Parse(r["sendOn"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            r["status"]!.GetValue<string>()))];

    public static async Task<DateOnly> NextDueAsync(ServiceFixture service, Guid id) =>
        DateOnly.Parse((await RecordAsync(service, id))["schedule"]!["nextDueDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>Queues a job through the admin API and waits until Hangfire reports it succeeded.</summary>
    public static async Task RunToEndAsync(ServiceFixture service, string job)
    {
        var queued = await service.Api.PostAsync($"/api/admin/jobs/{job}", new JsonObject(), HttpStatusCode.Accepted, service.Admin);
        var id = long.Parse(queued!["jobId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.That(await service.EventuallyAsync("SELECT EXISTS (SELECT 1 FROM hangfire.job WHERE id = $1 AND statename = 'Succeeded')", id), Is.True, $"{job} job {id} succeeded");
    }

    public static Task DeliverAsync(ServiceFixture service) => RunToEndAsync(service, "sms-delivery");

    /// <summary>The clock at a time of day (Asia/Shanghai) on a later day, moved forward only.</summary>
    public static async Task AtAsync(ServiceFixture service, DateOnly day, int hour, int minute = 0)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));
        var by = target - service.Clock.GetUtcNow();
        Assert.That(by, Is.GreaterThanOrEqualTo(TimeSpan.Zero), "the test clock only moves forward");
        await service.AdvanceAsync(by);
    }

    /// <summary>Reminder SMS to her mobile in the outbox, by status.</summary>
    public static Task<long> OutboxAsync(ServiceFixture service, string mobile, string status) =>
        service.ScalarAsync<long>("SELECT count(*) FROM sms_messages WHERE recipient = $1 AND kind = 'Reminder' AND status = $2", mobile, status);
}
