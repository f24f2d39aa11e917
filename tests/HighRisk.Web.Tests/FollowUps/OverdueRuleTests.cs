using HighRisk.Features.FollowUps;
using HighRisk.Rules;

namespace HighRisk.Web.Tests.FollowUps;

/// <summary>
/// The overdue and lost rule (FollowUpSchedule.Review) at each boundary, on a policy written out here: grace 7 days for
/// green and yellow, 3 for orange and purple, 1 for red, none for a newly red woman's 24-hour contact; lost on day 28.
/// ReviewDateTests checks the same rule end to end against an independent SQL statement.
/// </summary>
public class OverdueRuleTests
{
    private static readonly FollowUpPolicy Policy = FollowUpPolicy.Parse("""
        {
          "id": "test", "version": "1",
          "intervalDays": {
            "green": { "before28Weeks": 28, "from28Weeks": 14, "from37Weeks": 7 }, "yellow": { "before28Weeks": 28, "from28Weeks": 14, "from37Weeks": 7 },
            "orange": { "before28Weeks": 14, "from28Weeks": 14, "from37Weeks": 7 }, "purple": { "before28Weeks": 14, "from28Weeks": 14, "from37Weeks": 7 },
            "red": { "before28Weeks": 7, "from28Weeks": 7, "from37Weeks": 7 }
          },
          "newlyRedContactDays": 1, "newlyRedGraceDays": 0,
          "graceDays": { "green": 7, "yellow": 7, "orange": 3, "purple": 3, "red": 1 },
          "lostToFollowUp": { "overdueDays": 28, "failedAttempts": 2, "failedAttemptsApartDays": 14 },
          "postpartum": { "visitWithinDaysOfDischarge": 7, "checkOnDay": 42, "checkCountsFromDay": 28 },
          "referralOutcomeDays": 14
        }
        """, "test policy");

    private static readonly DateOnly Contact = new(2026, 3, 1);

    // Due 28 days after the contact for green (before 28 weeks), 14 for orange and for a green woman with purple.
    [TestCase(RiskColour.Green, false, 7, FollowUpState.OnTrack, 8)]
    [TestCase(RiskColour.Green, false, 8, FollowUpState.Overdue, 28)]
    [TestCase(RiskColour.Green, false, 27, FollowUpState.Overdue, 28)]
    [TestCase(RiskColour.Green, false, 28, FollowUpState.Lost, null)]
    [TestCase(RiskColour.Orange, false, 3, FollowUpState.OnTrack, 4)]
    [TestCase(RiskColour.Orange, false, 4, FollowUpState.Overdue, 28)]
    [TestCase(RiskColour.Green, true, 3, FollowUpState.OnTrack, 4)]
    [TestCase(RiskColour.Green, true, 4, FollowUpState.Overdue, 28)]
    [TestCase(RiskColour.Red, false, 1, FollowUpState.OnTrack, 2)]
    [TestCase(RiskColour.Red, false, 2, FollowUpState.Overdue, 28)]
    [TestCase(RiskColour.Green, false, -10, FollowUpState.OnTrack, 8)]
    public void DaysPastTheDueDate_GiveTheStateAndTheNextReview(RiskColour colour, bool purple, int daysPastDue, FollowUpState expected, int? nextReviewPastDue)
    {
        var schedule = new FollowUpSchedule();
        schedule.AfterAntenatalContact(Contact, appointment: null, colour, purple, new GestationalAge(20, 0), Policy);
        var due = schedule.NextDueDate!.Value;

        var changed = schedule.Review(due.AddDays(daysPastDue), colour, purple, followedUp: true, Policy);

        Assert.Multiple(() =>
        {
            Assert.That(schedule.State, Is.EqualTo(expected));
            Assert.That(schedule.ReviewOn, Is.EqualTo(nextReviewPastDue is { } d ? due.AddDays(d) : (DateOnly?)null));
            Assert.That(changed, Is.True, "a review on or after the review date always moves the review date");
        });
    }

    [TestCase(0, FollowUpState.OnTrack, 1)]
    [TestCase(1, FollowUpState.Overdue, 28)]
    public void NewlyRed_HasNoGraceAfterThe24Hours(int daysPastDue, FollowUpState expected, int nextReviewPastDue)
    {
        var schedule = new FollowUpSchedule();
        schedule.AfterAntenatalContact(Contact, appointment: null, RiskColour.Green, purple: false, new GestationalAge(20, 0), Policy);
        schedule.AfterBecomingRed(Contact.AddDays(3), Policy);
        var due = schedule.NextDueDate!.Value;
        Assert.That(schedule.NextDueKind, Is.EqualTo(DueKind.RedContact));

        schedule.Review(due.AddDays(daysPastDue), RiskColour.Red, purple: false, followedUp: true, Policy);

        Assert.Multiple(() =>
        {
            Assert.That(schedule.State, Is.EqualTo(expected));
            Assert.That(schedule.ReviewOn, Is.EqualTo(due.AddDays(nextReviewPastDue)));
        });
    }

    [Test]
    public void TwoFailedAttempts14DaysApart_AreLostForGood()
    {
        var schedule = new FollowUpSchedule();
        schedule.AfterAntenatalContact(Contact, appointment: null, RiskColour.Green, purple: false, new GestationalAge(20, 0), Policy);
        schedule.AfterFailedAttempt(Contact.AddDays(30), movedAway: false, Policy);
        schedule.AfterFailedAttempt(Contact.AddDays(44), movedAway: false, Policy);

        schedule.Review(Contact.AddDays(45), RiskColour.Green, purple: false, followedUp: true, Policy);

        Assert.Multiple(() =>
        {
            Assert.That(schedule.State, Is.EqualTo(FollowUpState.Lost));
            Assert.That(schedule.ReviewOn, Is.Null, "lost never changes by itself");
        });
    }

    [Test]
    public void NotFollowedUp_KeepsItsStateAndHasNothingToReview()
    {
        var schedule = new FollowUpSchedule();
        schedule.AfterAntenatalContact(Contact, appointment: null, RiskColour.Green, purple: false, new GestationalAge(20, 0), Policy);
        schedule.PlanReview(Contact, RiskColour.Green, purple: false, wasListed: false, Policy);
        Assert.That(schedule.ReviewOn, Is.Not.Null);

        var changed = schedule.Review(Contact.AddDays(60), RiskColour.Green, purple: false, followedUp: false, Policy);

        Assert.Multiple(() =>
        {
            Assert.That(schedule.State, Is.EqualTo(FollowUpState.OnTrack));
            Assert.That(schedule.ReviewOn, Is.Null);
            Assert.That(changed, Is.True);
        });
    }
}
