using System.Net;
using HighRisk.Web.Tests.FollowUps;
using HighRisk.Web.Tests.Infrastructure;
using static HighRisk.Web.Tests.Reminders.Reminding;

namespace HighRisk.Web.Tests.Reminders;

/// <summary>What the staff see of the reminders: on the overdue list, whether the last one reached her; in the indicators, reminders sent and visits within 7 days.</summary>
[NonParallelizable]
public class ReminderFollowThroughTests : ServiceFixture
{
    [Test]
    public async Task OverdueList_ShowsWhetherTheLastReminderReachedHer_AndIndicatorsCountVisitsWithinSevenDays()
    {
        await Gateway.RecoverAsync();
        var (reached, reachedMobile) = await BookAsync(this);
        var (unreached, unreachedMobile) = await BookAsync(this);
        Gateway.FailNumber(unreachedMobile);
        var due = await NextDueAsync(this, reached);

        // Nobody delivered the outbox on the mornings before her due date: those reminders expired unsent.
        var firstOverdue = (await RemindersAsync(this, reached)).Max(r => r.SendOn);
        Assert.That(firstOverdue, Is.GreaterThan(due), "the first overdue morning, after the grace");
        await TravelToAsync(firstOverdue);
        await DeliverAsync(this);
        Assert.That(await OutboxAsync(this, reachedMobile, "Expired"), Is.EqualTo(2));
        Assert.That(await OutboxAsync(this, reachedMobile, "Sent"), Is.EqualTo(1));
        Assert.That(await OutboxAsync(this, unreachedMobile, "Failed"), Is.EqualTo(1));

        await new DailyJob(this).RunAsync(firstOverdue);
        var (status, list) = await Api.GetAsync($"/api/overdue?division={Bookings.Township}&date={Day(firstOverdue)}", Clients["county"]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var entries = list!["entries"]!.AsArray();
        string LastReminder(Guid id) => entries.Single(e => e!["pregnancyId"]!.GetValue<Guid>() == id)!["lastReminder"]!["status"]!.GetValue<string>();
        Assert.That((LastReminder(reached), LastReminder(unreached)), Is.EqualTo(("sent", "failed")));

        // She comes two days after the reminder: a visit within 7 days of it.
        await TravelToAsync(firstOverdue.AddDays(2));
        await Api.ExamAsync(reached, Bookings.AnExam());
        var month = $"{firstOverdue:yyyy-MM}";
        var (_, indicators) = await Api.GetAsync($"/api/indicators?division=430302&month={month}", Clients["county"]);
        var row = indicators!["rows"]!.AsArray().Single()!;
        Assert.That(row["remindersSent"]!.GetValue<int>(), Is.EqualTo(1), "the failed one was not sent");
        Assert.That(
            (row["visitedAfterReminder"]!["numerator"]!.GetValue<int>(), row["visitedAfterReminder"]!["denominator"]!.GetValue<int>(), row["remindersWithinWeek"]!.GetValue<int>()),
            Is.EqualTo((1, 1, 0)));
    }
}
