using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

/// <summary>Hypertension in pregnancy: yellow from 140/90, orange only with proteinuria in the same exam.</summary>
public class BloodPressureTests
{
    [TestCase(139, 89, "-", RiskColour.Green)]
    [TestCase(140, 89, "-", RiskColour.Yellow)]
    [TestCase(139, 90, "-", RiskColour.Yellow)]
    [TestCase(159, 109, "3+", RiskColour.Yellow)]
    [TestCase(160, 100, "-", RiskColour.Yellow)]
    [TestCase(160, 100, "+-", RiskColour.Yellow)]
    [TestCase(160, 100, "1+", RiskColour.Orange)]
    [TestCase(150, 110, "-", RiskColour.Yellow)]
    [TestCase(150, 110, "1+", RiskColour.Orange)]
    [TestCase(160, 110, "-", RiskColour.Yellow)]
    [TestCase(160, 110, "1+", RiskColour.Orange)]
    [TestCase(120, 80, "2+", RiskColour.Green)]
    public void BloodPressureAndProtein_GradeAtThreshold(int systolic, int diastolic, string protein, RiskColour expected)
    {
        var assessment = ACase.Healthy().WithExam(e => e.Bp(systolic, diastolic).Protein(protein)).Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(expected));
            Assert.That(assessment.Ids().Contains("y_hdp"), Is.EqualTo(expected != RiskColour.Green));
            Assert.That(assessment.Ids().Contains("o_severe_pe"), Is.EqualTo(expected == RiskColour.Orange));
        });
    }

    [Test]
    public void SevereBpAndProteinInDifferentExams_DoNotMakeSeverePreEclampsia()
    {
        var assessment = ACase.Healthy()
            .WithExam(e => e.Protein("2+"))
            .WithExam(e => e.Bp(165, 112))
            .Assess();

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Yellow));
    }

    [Test]
    public void SeverePreEclampsia_IsReadFromTheLatestExamThatRecordedBoth()
    {
        var stillSevere = ACase.Healthy()
            .WithExam(e => e.Bp(165, 100).Protein("2+"))
            .WithExam(e => e.Bp(165, 100))
            .Assess();
        var settled = ACase.Healthy()
            .WithExam(e => e.Bp(165, 100).Protein("2+"))
            .WithExam(e => e.Bp(130, 80).Protein("-"))
            .Assess();

        Assert.Multiple(() =>
        {
            Assert.That(stillSevere.Colour, Is.EqualTo(RiskColour.Orange));
            Assert.That(settled.Colour, Is.EqualTo(RiskColour.Green));
        });
    }
}
