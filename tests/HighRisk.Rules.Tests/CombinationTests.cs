using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

/// <summary>The footnote rule: the highest colour wins, and purple sits beside any colour.</summary>
public class CombinationTests
{
    [Test]
    public void SeveralColours_HighestWinsAndFactorsAreListedRedFirst()
    {
        var assessment = ACase.Healthy()
            .WithBookingFinding("y_art", "o_asthma")
            .WithExam(e => e.Hb(100).Finding("r_thromboembolism", "y_icp"))
            .Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Red));
            Assert.That(assessment.Ids(), Is.EqualTo(new[] { "r_thromboembolism", "o_asthma", "y_anaemia", "y_art", "y_icp" }));
        });
    }

    [TestCase(null, RiskColour.Green)]
    [TestCase("y_art", RiskColour.Yellow)]
    [TestCase("o_asthma", RiskColour.Orange)]
    [TestCase("r_ph", RiskColour.Red)]
    public void Purple_SitsBesideEachColour(string? other, RiskColour expected)
    {
        var facts = ACase.Healthy().WithBookingFinding("p_infectious");
        if (other is not null)
        {
            facts.WithBookingFinding(other);
        }

        var assessment = facts.Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(expected));
            Assert.That(assessment.Purple, Is.True);
            Assert.That(assessment.Ids()[^1], Is.EqualTo("p_infectious"));
        });
    }

    [Test]
    public void HbsAgCarrier_IsYellowAndPurple()
    {
        var assessment = ACase.Healthy().WithExam(e => e.Id("b1").Measure(Observation.Alt, 22).Finding("y_hbv_carrier")).Assess();

        var purple = assessment.Factor("p_infectious").Evidence.Single();
        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Yellow));
            Assert.That(assessment.Purple, Is.True);
            Assert.That(assessment.Ids(), Is.EqualTo(new[] { "y_hbv_carrier", "p_infectious" }));
            Assert.That(purple.Kind, Is.EqualTo(EvidenceKinds.Implied));
            Assert.That(purple.Finding, Is.EqualTo("y_hbv_carrier"));
        });
    }

    [Test]
    public void HbsAgCarrierResolved_DropsTheImpliedPurpleToo()
    {
        var assessment = ACase.Healthy()
            .WithExam(e => e.Finding("y_hbv_carrier"))
            .WithExam(e => e.Resolve("y_hbv_carrier", "HBsAg negative on repeat"))
            .Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Green));
            Assert.That(assessment.Purple, Is.False);
        });
    }

    [Test]
    public void ComputedAndCodedFactors_CombineAndEveryMatchingRowIsListed()
    {
        var assessment = ACase.BornOn(new DateOnly(1984, 1, 1))
            .WithHeightAndWeight(160, 80)
            .WithExam(e => e.Platelets(45).Finding("y_icp"))
            .Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Orange));
            Assert.That(assessment.Ids(), Is.EqualTo(new[] { "o_age", "o_bmi", "o_thrombocytopenia", "y_age", "y_bmi", "y_icp" }));
        });
    }
}
