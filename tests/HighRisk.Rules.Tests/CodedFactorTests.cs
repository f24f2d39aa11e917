using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

/// <summary>Every coded row of the real catalogue grades to its own colour; qualifiers alone grade nothing.</summary>
public class CodedFactorTests
{
    public static IEnumerable<TestCaseData> CodedFactors() =>
        Catalogues.Real.Factors.Where(f => f.Coded).Select(f => new TestCaseData(f.Id).SetName($"CodedFactor_{f.Id}_GradesToItsOwnColour"));

    public static IEnumerable<TestCaseData> Qualifiers() =>
        Catalogues.Real.Qualifiers.Select(q => new TestCaseData(q.Id).SetName($"Qualifier_{q.Id}_AloneGradesGreen"));

    [TestCaseSource(nameof(CodedFactors))]
    public void CodedFactor_GradesToItsOwnColour(string id)
    {
        Assert.That(Catalogues.Real.TryGetFactor(id, out var factor), Is.True);
        var purple = factor!.Colour == FactorColour.Purple || factor.Implies.Contains("p_infectious");

        var assessment = ACase.Healthy().WithExam(e => e.Finding(id)).Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(factor.Colour.ToRiskColour() ?? RiskColour.Green));
            Assert.That(assessment.Purple, Is.EqualTo(purple));
            Assert.That(assessment.Ids(), Does.Contain(id));
        });
    }

    [TestCaseSource(nameof(Qualifiers))]
    public void Qualifier_AloneGradesGreen(string id)
    {
        var assessment = ACase.Healthy().WithBookingFinding(id).WithExam(e => e.Finding(id)).Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Green));
            Assert.That(assessment.Purple, Is.False);
            Assert.That(assessment.Factors, Is.Empty);
        });
    }

    [Test]
    public void HistoryFlag_PersistsAcrossLaterExams()
    {
        var assessment = ACase.Healthy()
            .WithHistoryFlag("y_art", "y_pelvic_surgery")
            .WithExam(e => e.Hb(120))
            .WithExam(e => e.Hb(125))
            .Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Yellow));
            Assert.That(assessment.Ids(), Is.EqualTo(new[] { "y_art", "y_pelvic_surgery" }));
        });
    }

    [Test]
    public void ComputedOnlyFactorSentAsFinding_IsIgnored()
    {
        var catalogue = Catalogues.Real;

        var assessment = ACase.Healthy().WithBookingFinding("o_bmi", "y_age", "no_such_factor").Assess();

        Assert.Multiple(() =>
        {
            Assert.That(catalogue.IsCodeable("o_bmi"), Is.False);
            Assert.That(catalogue.IsCodeable("no_such_factor"), Is.False);
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Green));
        });
    }

    [TestCase("y_art", true)]
    [TestCase("r_ph", true)]
    [TestCase("p_infectious", true)]
    [TestCase("q_bleeding_tendency", true)]
    [TestCase("y_age", false)]
    [TestCase("y_bmi", false)]
    [TestCase("g_baseline", false)]
    [TestCase("Y_ART", false)]
    public void IsCodeable_AcceptsCodedFactorsAndQualifiersOnly(string id, bool expected) =>
        Assert.That(Catalogues.Real.IsCodeable(id), Is.EqualTo(expected));
}
