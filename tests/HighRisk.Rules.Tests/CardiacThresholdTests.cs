using HighRisk.Rules.Tests.Builders;
using static HighRisk.Rules.Tests.LaboratoryThresholdTests;

namespace HighRisk.Rules.Tests;

/// <summary>Echo and cardiac-function values at and around each threshold.</summary>
public class CardiacThresholdTests
{
    [TestCase(29, RiskColour.Green, null)]
    [TestCase(30, RiskColour.Orange, "o_mild_ph")]
    [TestCase(49, RiskColour.Orange, "o_mild_ph")]
    [TestCase(50, RiskColour.Red, "r_ph")]
    [TestCase(55, RiskColour.Red, "r_ph")]
    public void PulmonaryArteryPressure_GradesAtThreshold(decimal mmHg, RiskColour expected, string? factor) =>
        AssertGrade(Measured(Observation.PulmonaryArteryPressure, mmHg), expected, factor);

    [TestCase(51, RiskColour.Green, null)]
    [TestCase(50, RiskColour.Orange, "o_cardiac_function")]
    [TestCase(40, RiskColour.Orange, "o_cardiac_function")]
    [TestCase(39, RiskColour.Red, "r_cardiac_other")]
    public void EjectionFraction_GradesAtThreshold(decimal percent, RiskColour expected, string? factor) =>
        AssertGrade(Measured(Observation.EjectionFraction, percent), expected, factor);

    [TestCase(1, RiskColour.Green, null)]
    [TestCase(2, RiskColour.Orange, "o_cardiac_function")]
    [TestCase(3, RiskColour.Red, "r_cardiac_other")]
    [TestCase(4, RiskColour.Red, "r_cardiac_other")]
    public void NyhaClass_GradesAtThreshold(int nyha, RiskColour expected, string? factor) =>
        AssertGrade(Measured(Observation.NyhaClass, nyha), expected, factor);

    [TestCase(90, RiskColour.Green, null)]
    [TestCase(89, RiskColour.Red, "r_complex_chd")]
    public void OxygenSaturation_GradesAtThreshold(decimal percent, RiskColour expected, string? factor) =>
        AssertGrade(Measured(Observation.Spo2, percent), expected, factor);

    [TestCase(4.0, RiskColour.Green, null)]
    [TestCase(3.9, RiskColour.Orange, "o_valvular")]
    [TestCase(1.51, RiskColour.Orange, "o_valvular")]
    [TestCase(1.5, RiskColour.Red, "r_valvular_severe")]
    public void MitralValveArea_GradesAtThreshold(decimal cm2, RiskColour expected, string? factor) =>
        AssertGrade(Measured(Observation.MitralValveArea, cm2), expected, factor);

    [TestCase(24, RiskColour.Green, null)]
    [TestCase(25, RiskColour.Orange, "o_valvular")]
    [TestCase(49, RiskColour.Orange, "o_valvular")]
    [TestCase(50, RiskColour.Red, "r_valvular_severe")]
    public void AorticGradient_GradesAtThreshold(decimal mmHg, RiskColour expected, string? factor) =>
        AssertGrade(Measured(Observation.AorticGradient, mmHg), expected, factor);

    [TestCase(44, RiskColour.Green, null)]
    [TestCase(45, RiskColour.Red, "r_valvular_severe")]
    public void AorticDiameter_GradesAtThreshold(decimal mm, RiskColour expected, string? factor) =>
        AssertGrade(Measured(Observation.AorticDiameter, mm), expected, factor);

    [Test]
    public void AorticDiseaseCoded_ShowsTheDiameterAsEvidence()
    {
        var assessment = ACase.Healthy().WithExam(e => e.Id("echo").Measure(Observation.AorticDiameter, 41).Finding("o_aortic")).Assess();

        var diameter = assessment.Factor("o_aortic").Evidence.Single(e => e.Observation == "aorticDiameter");
        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Orange));
            Assert.That(diameter.Value, Is.EqualTo(41m));
            Assert.That(diameter.ExamId, Is.EqualTo("echo"));
        });
    }

    private static RiskAssessment Measured(Observation observation, decimal value) =>
        ACase.Healthy().WithExam(e => e.Measure(observation, value)).Assess();
}
