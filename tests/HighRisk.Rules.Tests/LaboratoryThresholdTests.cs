using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

/// <summary>Laboratory values at and around each threshold of the grading table (reference 1.6).</summary>
public class LaboratoryThresholdTests
{
    [TestCase(111, RiskColour.Green, null)]
    [TestCase(110, RiskColour.Green, null)]
    [TestCase(109, RiskColour.Yellow, "y_anaemia")]
    [TestCase(61, RiskColour.Yellow, "y_anaemia")]
    [TestCase(60, RiskColour.Orange, "o_severe_anaemia")]
    [TestCase(59, RiskColour.Orange, "o_severe_anaemia")]
    [TestCase(41, RiskColour.Orange, "o_severe_anaemia")]
    [TestCase(40, RiskColour.Red, "r_severe_anaemia")]
    [TestCase(39, RiskColour.Red, "r_severe_anaemia")]
    public void Hemoglobin_GradesAtThreshold(decimal hb, RiskColour expected, string? factor) =>
        AssertGrade(ACase.Healthy().WithExam(e => e.Hb(hb)).Assess(), expected, factor);

    [TestCase(101, RiskColour.Green, null)]
    [TestCase(100, RiskColour.Yellow, "y_thrombocytopenia")]
    [TestCase(51, RiskColour.Yellow, "y_thrombocytopenia")]
    [TestCase(50, RiskColour.Orange, "o_thrombocytopenia")]
    [TestCase(31, RiskColour.Orange, "o_thrombocytopenia")]
    [TestCase(30, RiskColour.Orange, "o_thrombocytopenia")]
    [TestCase(29, RiskColour.Red, "r_thrombocytopenia")]
    public void Platelets_GradesAtThreshold(decimal platelets, RiskColour expected, string? factor) =>
        AssertGrade(ACase.Healthy().WithExam(e => e.Platelets(platelets)).Assess(), expected, factor);

    [TestCase(101, "q_bleeding_tendency", RiskColour.Green, null)]
    [TestCase(100, "q_bleeding_tendency", RiskColour.Red, "r_thrombocytopenia")]
    [TestCase(75, "q_bleeding_tendency", RiskColour.Red, "r_thrombocytopenia")]
    [TestCase(101, "q_platelets_falling", RiskColour.Green, null)]
    [TestCase(60, "q_platelets_falling", RiskColour.Red, "r_thrombocytopenia")]
    public void PlateletsWithQualifier_GradesAtThreshold(decimal platelets, string qualifier, RiskColour expected, string? factor) =>
        AssertGrade(ACase.Healthy().WithExam(e => e.Platelets(platelets).Finding(qualifier)).Assess(), expected, factor);

    [Test]
    public void PlateletsWithBleedingTendency_AreNotAlsoListedAsYellow()
    {
        var assessment = ACase.Healthy().WithExam(e => e.Platelets(75).Finding("q_bleeding_tendency")).Assess();

        Assert.That(assessment.Ids(), Does.Not.Contain("y_thrombocytopenia"));
    }

    [TestCase(1.0, RiskColour.Green, null)]
    [TestCase(1.01, RiskColour.Orange, "o_ckd_compensated")]
    [TestCase(1.5, RiskColour.Orange, "o_ckd_compensated")]
    [TestCase(1.51, RiskColour.Red, "r_renal")]
    public void CreatinineRatio_GradesAtThreshold(decimal ratio, RiskColour expected, string? factor) =>
        AssertGrade(ACase.Healthy().WithExam(e => e.Measure(Observation.CreatinineToUln, ratio)).Assess(), expected, factor);

    [TestCase(4000, RiskColour.Green, null)]
    [TestCase(4001, RiskColour.Orange, "o_nephrogenic_di")]
    public void UrineOutput_GradesAtThreshold(decimal mlPerDay, RiskColour expected, string? factor) =>
        AssertGrade(ACase.Healthy().WithExam(e => e.Measure(Observation.UrineMlPerDay, mlPerDay)).Assess(), expected, factor);

    // LMP 2025-01-06: 23+6 is 2025-06-22, 24+0 is 2025-06-23.
    [TestCase(5.0, "2025-06-23", RiskColour.Green)]
    [TestCase(5.1, "2025-06-22", RiskColour.Green)]
    [TestCase(5.1, "2025-06-23", RiskColour.Yellow)]
    [TestCase(6.9, "2025-03-31", RiskColour.Green)]
    [TestCase(7.0, "2025-03-31", RiskColour.Yellow)]
    public void FastingGlucose_GradesByGestationalAge(decimal glucose, string examDate, RiskColour expected)
    {
        var date = DateOnly.Parse(examDate, System.Globalization.CultureInfo.InvariantCulture);

        var assessment = ACase.Healthy().WithExam(e => e.On(date).Glucose(glucose)).AssessOn(date);

        AssertGrade(assessment, expected, expected == RiskColour.Green ? null : "y_endocrine_no_meds");
    }

    // Delivered 2025-10-06 (39+0): from that day on there is no gestational age, so only the any-age threshold holds.
    [TestCase("2025-10-05", 5.5, RiskColour.Yellow)]
    [TestCase("2025-10-06", 5.5, RiskColour.Green)]
    [TestCase("2025-11-10", 6.9, RiskColour.Green)]
    [TestCase("2025-11-10", 7.0, RiskColour.Yellow)]
    public void FastingGlucose_AfterTheBirth_IsNotGestationalDiabetes(string examDate, decimal glucose, RiskColour expected)
    {
        var date = DateOnly.Parse(examDate, System.Globalization.CultureInfo.InvariantCulture);

        var assessment = ACase.Healthy().DeliveredOn(new DateOnly(2025, 10, 6)).WithExam(e => e.On(date).Glucose(glucose)).AssessOn(date);

        AssertGrade(assessment, expected, expected == RiskColour.Green ? null : "y_endocrine_no_meds");
    }

    [Test]
    public void FastingGlucose_WithoutLmpOrWeeks_UsesOnlyTheAnyAgeThreshold()
    {
        var assessment = ACase.Healthy().WithLmp(null).WithExam(e => e.Glucose(6.0m)).Assess();

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Green));
    }

    [Test]
    public void FastingGlucose_WithGestationalWeeksInsteadOfLmp_DatesThePregnancyFromBooking()
    {
        // 20 weeks on booking 2025-02-17 puts 24+0 on 2025-03-17.
        var atTwentyFour = ACase.Healthy().AtWeeksOnBooking(20).WithExam(e => e.On(new DateOnly(2025, 3, 17)).Glucose(5.2m)).Assess();
        var theDayBefore = ACase.Healthy().AtWeeksOnBooking(20).WithExam(e => e.On(new DateOnly(2025, 3, 16)).Glucose(5.2m)).Assess();

        Assert.Multiple(() =>
        {
            Assert.That(atTwentyFour.Colour, Is.EqualTo(RiskColour.Yellow));
            Assert.That(theDayBefore.Colour, Is.EqualTo(RiskColour.Green));
        });
    }

    [TestCase(4.9, false, RiskColour.Green)]
    [TestCase(5, true, RiskColour.Orange)]
    [TestCase(10, true, RiskColour.Orange)]
    [TestCase(10.1, true, RiskColour.Green)]
    [TestCase(7.5, false, RiskColour.Green)]
    public void LowDoseSteroid_NeedsTheDoseAndTheQualifier(decimal prednisone, bool inactiveForSixMonths, RiskColour expected)
    {
        var assessment = ACase.Healthy()
            .WithExam(e => inactiveForSixMonths
                ? e.Measure(Observation.PrednisoneMgPerDay, prednisone).Finding("q_steroid_6m_inactive")
                : e.Measure(Observation.PrednisoneMgPerDay, prednisone))
            .Assess();

        AssertGrade(assessment, expected, expected == RiskColour.Green ? null : "o_immune_low_steroid");
    }

    [TestCase(Observation.Alt, 400)]
    [TestCase(Observation.Temperature, 39.5)]
    [TestCase(Observation.WeightKg, 120)]
    [TestCase(Observation.HeightCm, 140)]
    [TestCase(Observation.FetalHeartRate, 190)]
    [TestCase(Observation.FundalHeight, 45)]
    public void RecordedOnlyObservation_GradesNothing(Observation observation, decimal value) =>
        AssertGrade(ACase.Healthy().WithExam(e => e.Measure(observation, value)).Assess(), RiskColour.Green, null);

    internal static void AssertGrade(RiskAssessment assessment, RiskColour expected, string? factor)
    {
        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(expected), () => string.Join(", ", assessment.Ids()));
            Assert.That(assessment.Purple, Is.False);
            if (factor is null)
            {
                Assert.That(assessment.Factors, Is.Empty);
            }
            else
            {
                Assert.That(assessment.Ids(), Does.Contain(factor));
            }
        });
    }
}
