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

    /// <summary>Moves the clock to the date, runs the job for it and waits until its run is recorded.</summary>
    public static async Task RunAsync(DateOnly date)
    {
        await TestHost.TravelToAsync(date);
        var (status, body, _) = await Api.PostAsync($"/api/admin/jobs/daily-overdue?date={D(date)}", new JsonObject(), client: TestHost.Admin);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body?.ToJsonString());
        Assert.That(await TestHost.EventuallyAsync("SELECT EXISTS (SELECT 1 FROM daily_overdue_runs WHERE business_date = $1)", date), Is.True, $"the job ran for {D(date)}");
    }
}
