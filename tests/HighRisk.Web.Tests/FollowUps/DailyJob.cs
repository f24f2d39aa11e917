using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace HighRisk.Web.Tests.FollowUps;

/// <summary>The follow-up scenarios' shared moves on a fixture's service: fresh business dates, and the daily job run for a date through the API and Hangfire.</summary>
internal sealed class DailyJob(ServiceFixture service)
{
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Dates no earlier scenario of the fixture has used (its clock only moves forward), so each scenario's due dates are its own.</summary>
    public async Task<DateOnly> FreshStartAsync()
    {
        var start = service.Clock.Today.AddDays(100);
        await service.TravelToAsync(start);
        return start;
    }

    /// <summary>The stored overdue list of a township for a date, as its sub-district staff read it.</summary>
    public async Task<JsonObject> ListAsync(string township, DateOnly date)
    {
        var staff = await service.NewUserAsync("subdistrictStaff", township);
        var (status, list) = await service.Api.GetAsync($"/api/overdue?division={township}&date={D(date)}", staff);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), list?.ToJsonString());
        Assert.That(list!["generated"]!.GetValue<bool>(), Is.True, $"the job has made the list for {D(date)}");
        return list.AsObject();
    }

    private static bool IsTrouble(string line) => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal);

    /// <summary>Moves the clock to the date, runs the job for it and waits until its run is recorded.</summary>
    public async Task RunAsync(DateOnly date)
    {
        await service.TravelToAsync(date);
        await service.Api.RunJobAsync($"daily-overdue?date={D(date)}");
        await RanAsync(date);
    }

    /// <summary>Waits until the job's run for the date is recorded; if it never is, says what the service logged.</summary>
    public async Task RanAsync(DateOnly date) =>
        Assert.That(await service.EventuallyAsync("SELECT EXISTS (SELECT 1 FROM daily_overdue_runs WHERE business_date = $1)", date), Is.True,
            () => $"the job ran for {D(date)}; the service's warnings and errors: {string.Join('\n', service.LogLines.Where(IsTrouble).Take(3))}");
}
