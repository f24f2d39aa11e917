using HighRisk.Features.FollowUps;
using HighRisk.Features.Reminders;

namespace HighRisk.Web.Tests.Reminders;

/// <summary>The plan's rules on their own: which mornings, one a day, a bounded number; and a policy whose text could reveal her risk is refused at start-up.</summary>
public class ReminderPlanTests
{
    private static readonly ReminderPolicy Policy = ReminderPolicy.Parse(File.ReadAllText(Path.Combine(SeedsFolder(), "policy", "reminders.json")), "reminders.json");

    private static readonly DateOnly Due = new(2026, 4, 13);

    private static readonly DateTimeOffset Now = new(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);

    private static ScheduleFacts Facts(DateOnly? lastContact = null) => new(true, Due, DueKind.Antenatal, Due.AddDays(8), lastContact ?? new DateOnly(2026, 3, 16));

    private static ReminderPlan Consenting()
    {
        var plan = ReminderPlan.For(Guid.NewGuid(), Guid.NewGuid());
        plan.RecordConsent(true, new DateOnly(2026, 3, 16), null, "test", Now, ConsentSource.Staff, new HashSet<Guid>());
        return plan;
    }

    [Test]
    public void Consenting_ThreeDaysAndOneDayBefore_AndTheFirstOverdueMorning() =>
        Assert.That(Consenting().Wanted(Facts(), Policy, new HashSet<DateOnly>(), Now).Select(w => (w.Moment, w.SendOn)), Is.EqualTo(new[]
        {
            (ReminderMoment.BeforeDue, Due.AddDays(-3)), (ReminderMoment.BeforeDue, Due.AddDays(-1)), (ReminderMoment.FirstOverdueMorning, Due.AddDays(8)),
        }));

    [Test]
    public void ADayTakenByHerOtherPregnancy_GetsNoSecondReminder() =>
        Assert.That(Consenting().Wanted(Facts(), Policy, new HashSet<DateOnly> { Due.AddDays(-1) }, Now).Select(w => w.SendOn), Does.Not.Contain(Due.AddDays(-1)));

    [Test]
    public void SeenTheDayBeforeHerDueDate_NoReminderThatDayOrBefore() =>
        Assert.That(Consenting().Wanted(Facts(lastContact: Due.AddDays(-1)), Policy, new HashSet<DateOnly>(), Now).Select(w => w.SendOn), Is.EqualTo(new[] { Due.AddDays(8) }));

    [Test]
    public void WithoutConsent_NothingIsWanted() =>
        Assert.That(ReminderPlan.For(Guid.NewGuid(), Guid.NewGuid()).Wanted(Facts(), Policy, new HashSet<DateOnly>(), Now), Is.Empty);

    [Test]
    public void ADueDateOfAReferralOutcome_IsNotReminded() =>
        Assert.That(Consenting().Wanted(Facts() with { NextDueKind = DueKind.ReferralOutcome }, Policy, new HashSet<DateOnly>(), Now), Is.Empty);

    [Test]
    public void AtTheBound_NoMoreAreQueued()
    {
        var plan = Consenting();
        var policy = Policy with { MaxPerPregnancy = 2 };
        foreach (var (moment, due, sendOn) in plan.Wanted(Facts(), policy, new HashSet<DateOnly>(), Now))
        {
            plan.Queue(moment, due, sendOn, Guid.NewGuid(), Facts(), policy, Now);
        }

        Assert.That(plan.Reminders, Has.Count.EqualTo(2));
        Assert.That(plan.Wanted(Facts(), policy, new HashSet<DateOnly>(), Now), Is.Empty);
    }

    [TestCase("【{sign}】您是红色孕妇，请于{date}到{facility}检查", "红")]
    [TestCase("【{sign}】请于{date}到{facility}复查{factor}", "{factor}")]
    public void ATemplateThatCouldRevealHerRisk_IsRefused(string text, string named) =>
        Assert.That(
            () => ReminderPolicy.Parse($$$"""
                {"id":"t","version":"1","daysBeforeDue":[3],"dueKinds":["antenatal"],"signName":"妇幼保健",
                 "beforeDue":{"templateCode":"SMS_1","text":"{{{text}}}"},"overdue":{"templateCode":"SMS_2","text":"【{sign}】请到{facility}"}}
                """, "reminders.json"),
            Throws.InvalidOperationException.With.Message.Contains(named));

    [Test]
    public void TheSeededTexts_StayWithinOneSegment_WithALongFacilityName()
    {
        var (text, _, values) = Policy.Fill(ReminderMoment.BeforeDue, "湘潭市雨湖区楠竹山镇中心卫生院妇幼保健门诊部", Due);
        Assert.That(text.Length, Is.LessThanOrEqualTo(Policy.MaxLength));
        Assert.That(values["date"], Is.EqualTo("4月13日"));
    }

    private static string SeedsFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "seeds")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "seeds");
    }
}
