using System.Net;
using HighRisk.Web.Tests.Infrastructure;

namespace HighRisk.Web.Tests.Transfers;

/// <summary>The same woman booked twice under another resident ID: found by name and birth date, or by mobile and name, in any area, masked.</summary>
public class DuplicateTests : ServiceFixture
{
    [Test]
    public async Task ABookingMatchingAnOpenPregnancy_IsAnswered409WithMaskedCandidates_UntilConfirmed()
    {
        var name = $"重复{Guid.NewGuid():N}"[..6];
        var first = Bookings.AWoman(20).With("fullName", name).With("mobile", "13912345678");
        await Api.BookAsync(first);
        var birth = first["residentId"]!.GetValue<string>()[6..14];

        // The same name and birth date under another number (a mistyped ID: same birth date, another place code), booked by another district's township.
        var retyped = Bookings.AWoman(20).With("fullName", name).With("mobile", "13700000000").Without("confirmedNotDuplicate")
            .With("residentId", ResidentIds.Make(
                DateOnly.ParseExact(birth, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), Random.Shared.Next(1, 499) * 2, addressCode: "430381"))
            .With("divisionCode", "430304001").With("facilityCode", "430304001-CHC");
        var (status, problem, _) = await Api.PostAsync("/api/pregnancies", retyped, client: Clients["other-township"]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict), problem?.ToJsonString());
        var candidate = problem!["candidates"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("PossibleDuplicate"));
            Assert.That(candidate["match"]!.GetValue<string>(), Is.EqualTo("nameAndBirthDate"));
            Assert.That(candidate["fullNameMasked"]!.GetValue<string>(), Is.Not.EqualTo(name).And.Contain("*"), "masked");
            Assert.That(candidate["mobileMasked"]!.GetValue<string>(), Is.EqualTo("139****5678"));
            Assert.That(problem.ToJsonString(), Does.Not.Contain(first["residentId"]!.GetValue<string>()).And.Not.Contain("13912345678"));
        });

        // The same mobile and name, another birth date.
        var sameMobile = Bookings.AWoman(20, ageYears: 35).With("fullName", name).With("mobile", "13912345678").Without("confirmedNotDuplicate");
        var (again, second, _) = await Api.PostAsync("/api/pregnancies", sameMobile);
        Assert.That((again, second!["candidates"]![0]!["match"]!.GetValue<string>()), Is.EqualTo((HttpStatusCode.Conflict, "mobileAndName")));

        var (booked, body, _) = await Api.PostAsync("/api/pregnancies", retyped.With("confirmedNotDuplicate", true), client: Clients["other-township"]);
        Assert.That(booked, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        var (other, _, _) = await Api.PostAsync("/api/pregnancies", Bookings.AWoman(20).With("fullName", $"另一{Guid.NewGuid():N}"[..6]).Without("confirmedNotDuplicate"));
        Assert.That(other, Is.EqualTo(HttpStatusCode.Created), "a woman matching nobody is booked at once");
    }
}
