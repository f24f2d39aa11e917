using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.FollowUps;

/// <summary>The follow-up scenarios' shared moves: fresh business dates, and the daily job run for a date through the API and Hangfire.</summary>
internal static class DailyJob
{
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Dates no earlier scenario has used (the clock only moves forward), so each scenario's due dates are its own.</summary>
    public static async Task<DateOnly> FreshStartAsync()
    {
        var start = TestHost.Clock.Today.AddDays(100);
        await TestHost.TravelToAsync(start);
        return start;
    }

    /// <summary>The stored overdue list of a township for a date, as its sub-district staff read it.</summary>
    public static async Task<JsonObject> ListAsync(string township, DateOnly date)
    {
        var staff = await TestHost.NewUserAsync("subdistrictStaff", township);
        var (status, list) = await Api.GetAsync($"/api/overdue?division={township}&date={D(date)}", staff);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), list?.ToJsonString());
        Assert.That(list!["generated"]!.GetValue<bool>(), Is.True, $"the job has made the list for {D(date)}");
        return list.AsObject();
    }

    /// <summary>Moves the clock to the date, runs the job for it and waits until its run is recorded.</summary>
    public static async Task RunAsync(DateOnly date)
    {
        await TestHost.TravelToAsync(date);
        var (status, body, _) = await Api.PostAsync($"/api/admin/jobs/daily-overdue?date={D(date)}", new JsonObject(), client: TestHost.Admin);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body?.ToJsonString());
        Assert.That(await TestHost.EventuallyAsync("SELECT EXISTS (SELECT 1 FROM daily_overdue_runs WHERE business_date = $1)", date), Is.True, $"the job ran for {D(date)}");
    }
}
