using HighRisk.Features.Referrals;

namespace HighRisk.Web.Tests.Referrals;

/// <summary>The answer's deadline by urgency: hours, or working days that skip weekends and holidays and count adjusted working weekends.</summary>
public class ReferralPolicyTests
{
    private static readonly ReferralPolicy Policy = new()
    {
        Id = "test",
        Version = "1",
        AcceptWithinHours = new() { ["emergency"] = 2, ["urgent"] = 24 },
        AcceptWithinWorkingDays = new() { ["routine"] = 2 },
        Holidays = [new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 5)],
        WorkingWeekends = [new DateOnly(2026, 10, 10)],
    };

    private static DateTimeOffset Shanghai(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [TestCase("2026-12-07T10:00", "2026-12-09T10:00", TestName = "Monday_Wednesday")]
    [TestCase("2026-12-04T16:30", "2026-12-08T16:30", TestName = "Friday_Tuesday")]
    [TestCase("2026-12-05T09:00", "2026-12-08T09:00", TestName = "Saturday_Tuesday")]
    [TestCase("2026-09-30T11:00", "2026-10-07T11:00", TestName = "BeforeNationalDay_SkipsTheHolidaysAndTheWeekend")]
    [TestCase("2026-10-09T08:00", "2026-10-12T08:00", TestName = "AnAdjustedWorkingSaturday_Counts")]
    public void Routine_IsDueOnTheSecondWorkingDay_AtTheSameTime(string requested, string due) =>
        Assert.That(Policy.AcceptBy(ReferralUrgency.Routine, Shanghai(requested)), Is.EqualTo(Shanghai(due)));

    /// <summary>The shipped policy holds the State Council's 2026 holidays and adjusted working days (国庆: 1–7 October off, Saturday 10 October worked).</summary>
    [TestCase("2026-09-30T11:00", "2026-10-09T11:00", TestName = "Shipped_NationalDay2026")]
    [TestCase("2026-10-09T08:00", "2026-10-12T08:00", TestName = "Shipped_AdjustedSaturday2026")]
    [TestCase("2026-02-13T09:00", "2026-02-24T09:00", TestName = "Shipped_SpringFestival2026")]
    public void TheShippedPolicy_KnowsThisYearsHolidays(string requested, string due)
    {
        var shipped = ReferralPolicy.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "policy", "referrals.json")), "referrals.json");
        Assert.That(shipped.AcceptBy(ReferralUrgency.Routine, Shanghai(requested)), Is.EqualTo(Shanghai(due)));
    }

    [TestCase(ReferralUrgency.Emergency, 2)]
    [TestCase(ReferralUrgency.Urgent, 24)]
    public void EmergencyAndUrgent_AreDueInHours(ReferralUrgency urgency, int hours)
    {
        var at = Shanghai("2026-12-05T23:30");
        Assert.That(Policy.AcceptBy(urgency, at), Is.EqualTo(at.AddHours(hours)));
    }

    [Test]
    public void APolicyWithoutADeadlineForAnUrgency_IsRefusedAtStartUp() =>
        Assert.That(
            () => ReferralPolicy.Parse("""{"id":"x","version":"1","acceptWithinHours":{"emergency":2},"acceptWithinWorkingDays":{"routine":2}}""", "referrals.json"),
            Throws.InvalidOperationException.With.Message.Contains("urgent"));
}
