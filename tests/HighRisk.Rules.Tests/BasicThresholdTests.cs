using HighRisk.Rules.Tests.Builders;
using static HighRisk.Rules.Tests.LaboratoryThresholdTests;

namespace HighRisk.Rules.Tests;

/// <summary>Age, BMI, history and ultrasound counts at and around each threshold.</summary>
public class BasicThresholdTests
{
    // Height 200 cm makes BMI = weight / 4, so each weight gives an exact BMI.
    [TestCase(73.96, RiskColour.Yellow, "y_bmi")]
    [TestCase(74, RiskColour.Green, null)]
    [TestCase(100, RiskColour.Green, null)]
    [TestCase(100.04, RiskColour.Yellow, "y_bmi")]
    [TestCase(111.96, RiskColour.Yellow, "y_bmi")]
    [TestCase(112, RiskColour.Orange, "o_bmi")]
    public void Bmi_GradesUnroundedAtThreshold(decimal weightKg, RiskColour expected, string? factor) =>
        AssertGrade(ACase.Healthy().WithHeightAndWeight(200, weightKg).Assess(), expected, factor);

    [Test]
    public void Bmi_WithoutBookingMeasurements_UsesTheEarliestExamThatRecordedThem()
    {
        var assessment = ACase.Healthy()
            .WithHeightAndWeight(null, null)
            .WithExam(e => e.Measure(Observation.HeightCm, 200).Measure(Observation.WeightKg, 112))
            .WithExam(e => e.Measure(Observation.HeightCm, 200).Measure(Observation.WeightKg, 90))
            .Assess();

        AssertGrade(assessment, RiskColour.Orange, "o_bmi");
    }

    // LMP 2025-01-06: 13+6 is 2025-04-13, 14+0 is 2025-04-14. A weight from later in pregnancy includes its gain.
    [TestCase("2025-04-13", RiskColour.Orange, "o_bmi")]
    [TestCase("2025-04-14", RiskColour.Green, null)]
    [TestCase("2025-08-04", RiskColour.Green, null)]
    public void Bmi_WithoutABookingWeight_UsesAnExamWeightOnlyBefore14Weeks(string examDate, RiskColour expected, string? factor)
    {
        var date = DateOnly.Parse(examDate, System.Globalization.CultureInfo.InvariantCulture);

        var assessment = ACase.Healthy().WithHeightAndWeight(200, null).WithExam(e => e.On(date).Measure(Observation.WeightKg, 112)).Assess();

        AssertGrade(assessment, expected, factor);
    }

    [Test]
    public void Bmi_WithoutAnyHeight_GradesNothing()
    {
        var assessment = ACase.Healthy().WithHeightAndWeight(null, 150).Assess();

        AssertGrade(assessment, RiskColour.Green, null);
    }

    // Age in completed years on the assessment date; each birthday is checked the day before, on, and after.
    [TestCase("2006-03-10", "2025-03-09", RiskColour.Yellow, "y_age")]
    [TestCase("2006-03-10", "2025-03-10", RiskColour.Green, null)]
    [TestCase("2007-03-10", "2025-03-10", RiskColour.Yellow, "y_age")]
    [TestCase("1990-03-10", "2025-03-09", RiskColour.Green, null)]
    [TestCase("1990-03-10", "2025-03-10", RiskColour.Yellow, "y_age")]
    [TestCase("1990-03-10", "2025-03-11", RiskColour.Yellow, "y_age")]
    [TestCase("1985-03-10", "2025-03-09", RiskColour.Yellow, "y_age")]
    [TestCase("1985-03-10", "2025-03-10", RiskColour.Orange, "o_age")]
    [TestCase("1985-03-10", "2025-03-11", RiskColour.Orange, "o_age")]
    public void Age_GradesInCompletedYearsOnTheExamDate(string birth, string examDate, RiskColour expected, string? factor)
    {
        var date = Date(examDate);

        var assessment = ACase.BornOn(Date(birth)).WithExam(e => e.On(date)).AssessOn(date);

        AssertGrade(assessment, expected, factor);
    }

    [TestCase(18, RiskColour.Yellow)]
    [TestCase(19, RiskColour.Green)]
    [TestCase(34, RiskColour.Green)]
    [TestCase(35, RiskColour.Yellow)]
    [TestCase(39, RiskColour.Yellow)]
    [TestCase(40, RiskColour.Orange)]
    public void RecordedAge_WithoutBirthDate_GradesAsRecorded(int age, RiskColour expected) =>
        Assert.That(ACase.AgedAtBooking(age).Assess().Colour, Is.EqualTo(expected));

    [TestCase(4.9, RiskColour.Green, null)]
    [TestCase(5, RiskColour.Yellow, "y_fibroid_cyst")]
    public void FibroidOrCyst_GradesAtThreshold(decimal cm, RiskColour expected, string? factor) =>
        AssertGrade(ACase.Healthy().WithExam(e => e.Measure(Observation.FibroidCm, cm)).Assess(), expected, factor);

    [TestCase(1, RiskColour.Green, null)]
    [TestCase(2, RiskColour.Yellow, "y_twins")]
    [TestCase(3, RiskColour.Orange, "o_triplets")]
    public void FetusCount_GradesAtThreshold(int fetuses, RiskColour expected, string? factor) =>
        AssertGrade(ACase.Healthy().WithExam(e => e.Measure(Observation.FetusCount, fetuses)).Assess(), expected, factor);

    [TestCase(2, RiskColour.Orange, "o_twins_poly_cardiopulm")]
    [TestCase(3, RiskColour.Red, "r_triplets_cardiopulm")]
    public void MultiplePregnancyWithCardiopulmonaryDecline_GradesHigher(int fetuses, RiskColour expected, string factor) =>
        AssertGrade(
            ACase.Healthy().WithExam(e => e.Measure(Observation.FetusCount, fetuses).Finding("q_cardiopulmonary_decline")).Assess(),
            expected,
            factor);

    [TestCase(2, RiskColour.Green, null)]
    [TestCase(3, RiskColour.Yellow, "y_adverse_ob_hx")]
    public void Abortions_GradeAtThreshold(int abortions, RiskColour expected, string? factor) =>
        AssertGrade(ACase.Healthy().WithAbortions(abortions).Assess(), expected, factor);

    [TestCase(0, 0, RiskColour.Green, null)]
    [TestCase(1, 0, RiskColour.Yellow, "y_scar_uterus")]
    [TestCase(0, 1, RiskColour.Yellow, "y_scar_uterus")]
    [TestCase(1, 1, RiskColour.Orange, "o_uterine_surgery_ge2")]
    [TestCase(2, 0, RiskColour.Orange, "o_uterine_surgery_ge2")]
    public void UterineOperations_GradeAtThreshold(int caesareans, int others, RiskColour expected, string? factor) =>
        AssertGrade(ACase.Healthy().WithUterineOperations(caesareans, others).Assess(), expected, factor);

    // LMP 2025-01-06: an operation on 2023-07-06 is 18 completed months before it, 2023-07-07 only 17.
    [TestCase("2023-08-06", RiskColour.Orange)]
    [TestCase("2023-07-07", RiskColour.Orange)]
    [TestCase("2023-07-06", RiskColour.Yellow)]
    [TestCase("2022-01-06", RiskColour.Yellow)]
    public void ScarInterval_GradesInCompletedMonthsBeforeTheLmp(string lastOperation, RiskColour expected)
    {
        var assessment = ACase.Healthy().WithUterineOperations(1, last: Date(lastOperation)).Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(expected));
            Assert.That(assessment.Ids(), Does.Contain("y_scar_uterus"));
            Assert.That(assessment.Ids().Contains("o_scar_lt18m"), Is.EqualTo(expected == RiskColour.Orange));
        });
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
