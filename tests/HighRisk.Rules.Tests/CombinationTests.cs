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

    // Combined rows coded without a measured count (whenCoded): the condition coded, and the qualifier beside it.
    [TestCase("y_twins", "q_cardiopulmonary_decline", RiskColour.Orange, "o_twins_poly_cardiopulm")]
    [TestCase("y_polyhydramnios", "q_cardiopulmonary_decline", RiskColour.Orange, "o_twins_poly_cardiopulm")]
    [TestCase("o_triplets", "q_cardiopulmonary_decline", RiskColour.Red, "r_triplets_cardiopulm")]
    [TestCase("y_thrombocytopenia", "q_bleeding_tendency", RiskColour.Red, "r_thrombocytopenia")]
    [TestCase("o_thrombocytopenia", "q_platelets_falling", RiskColour.Red, "r_thrombocytopenia")]
    public void ConditionCodedWithItsQualifier_ReachesTheCombinedRow(string condition, string qualifier, RiskColour expected, string combined)
    {
        var assessment = ACase.Healthy().WithBookingFinding(condition).WithExam(e => e.Id("e1").Finding(qualifier)).Assess();

        var evidence = assessment.Factor(combined).Evidence;
        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(expected));
            Assert.That(assessment.Ids(), Does.Contain(condition), "the coded condition stays listed");
            Assert.That(evidence.Select(e => (e.Kind, e.Finding, e.ExamId)), Is.EqualTo(new[] { (EvidenceKinds.Coded, condition, (string?)null), (EvidenceKinds.Coded, qualifier, "e1") }));
        });
    }

    [Test]
    public void TwinsCodedAlone_AndTheQualifierResolved_AreYellow()
    {
        var alone = ACase.Healthy().WithBookingFinding("y_twins").Assess();
        var resolved = ACase.Healthy().WithBookingFinding("y_twins")
            .WithExam(e => e.On(new DateOnly(2025, 4, 1)).Finding("q_cardiopulmonary_decline"))
            .WithExam(e => e.On(new DateOnly(2025, 5, 1)).Resolve("q_cardiopulmonary_decline", "心功能复查正常"))
            .Assess();

        Assert.Multiple(() =>
        {
            Assert.That((alone.Colour, alone.Ids()), Is.EqualTo((RiskColour.Yellow, (IReadOnlyList<string>)["y_twins"])));
            Assert.That(resolved.Colour, Is.EqualTo(RiskColour.Yellow));
            Assert.That(resolved.Ids(), Does.Not.Contain("o_twins_poly_cardiopulm"));
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
