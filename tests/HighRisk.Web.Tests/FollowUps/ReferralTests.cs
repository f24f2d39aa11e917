using System.Globalization;
using System.Net;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.FollowUps;

public class ReferralTests : ServiceFixture
{
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Test]
    public async Task Referral_MakesItsOutcomeDueIn14Days_UntilTheOutcomeIsRecorded()
    {
        var today = Clock.Today;
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 12));   // green before 28 weeks: next contact due in 4 weeks
        var (status, referred, _) = await Api.PostAsync($"/api/pregnancies/{id}/referrals", new { date = D(today), toFacilityCode = "4303-MCH", urgency = "routine", reason = "血小板减少，转市妇幼评估" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), referred?.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(referred!["outcomeDue"]!.GetValue<string>(), Is.EqualTo(D(today.AddDays(14))));
            Assert.That(referred["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(today.AddDays(14))));
            Assert.That(referred["nextDueKind"]!.GetValue<string>(), Is.EqualTo("referralOutcome"));
        });

        var referralId = referred!["referralId"]!.GetValue<Guid>();
        var (settled, outcome, _) = await Api.PostAsync($"/api/pregnancies/{id}/referrals/{referralId}/outcome", new { date = D(today), outcome = "已到市妇幼保健院就诊" });
        Assert.That(settled, Is.EqualTo(HttpStatusCode.OK), outcome?.ToJsonString());
        Assert.That(outcome!["nextDueKind"]!.GetValue<string>(), Is.EqualTo("antenatal"));
        Assert.That(outcome["nextDueDate"]!.GetValue<string>(), Is.EqualTo(D(today.AddDays(28))));

        var (again, _, _) = await Api.PostAsync($"/api/pregnancies/{id}/referrals/{referralId}/outcome", new { date = D(today), outcome = "再次" });
        Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict));
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        Assert.That(record!["referrals"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ReferralToAnUnknownFacility_Is400NamingIt()
    {
        var id = await Api.BookAsync(Bookings.AWoman());
        var (status, problem, _) = await Api.PostAsync($"/api/pregnancies/{id}/referrals", new { date = D(Clock.Today), toFacilityCode = "nowhere", urgency = "routine", reason = "x" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.ErrorFields(problem), Does.Contain("toFacilityCode"));
    }
}
