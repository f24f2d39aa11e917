using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

/// <summary>Every active factor says why: which value, unit, exam and date, or who coded it.</summary>
public class EvidenceTests
{
    private static readonly DateOnly ExamDate = new(2025, 3, 3);

    [Test]
    public void MeasuredFactor_NamesValueUnitExamDateAndExaminer()
    {
        var assessment = ACase.Healthy().WithExam(e => e.Id("e-17").On(ExamDate).By("Dr Chen").Hb(55)).AssessOn(ExamDate);

        Assert.That(
            assessment.Factor("o_severe_anaemia").Evidence,
            Is.EqualTo(new[] { new FactorEvidence(EvidenceKinds.Measurement, "hemoglobin", 55m, "g/L", "e-17", ExamDate, "Dr Chen", null) }));
    }

    [Test]
    public void MeasuredFactor_NamesTheLatestExamNotTheFirst()
    {
        var assessment = ACase.Healthy()
            .WithExam(e => e.Id("first").Hb(95))
            .WithExam(e => e.Id("second").Hb(100))
            .Assess();

        var evidence = assessment.Factor("y_anaemia").Evidence.Single();
        Assert.Multiple(() =>
        {
            Assert.That(evidence.ExamId, Is.EqualTo("second"));
            Assert.That(evidence.Value, Is.EqualTo(100m));
        });
    }

    [Test]
    public void SameExamCondition_ListsBothValuesFromThatExam()
    {
        var assessment = ACase.Healthy().WithExam(e => e.Id("pe").On(ExamDate).Bp(165, 95).Protein("2+")).AssessOn(ExamDate);

        var evidence = assessment.Factor("o_severe_pe").Evidence;
        Assert.Multiple(() =>
        {
            Assert.That(evidence.Select(e => (e.Observation, e.Value, e.Unit, e.ExamId)), Is.EqualTo(new (string?, decimal?, string?, string?)[]
            {
                ("systolicBp", 165m, "mmHg", "pe"),
                ("urineProtein", 2m, "grade", "pe"),
            }));
            Assert.That(evidence.All(e => e.Kind == EvidenceKinds.Measurement && e.Date == ExamDate), Is.True);
        });
    }

    [Test]
    public void GlucoseAfter24Weeks_ListsTheGestationalAgeOfThatExam()
    {
        var date = new DateOnly(2025, 6, 24); // 24+1 from LMP 2025-01-06
        var assessment = ACase.Healthy().WithExam(e => e.Id("ogtt").On(date).Glucose(5.3m)).AssessOn(date);

        var age = assessment.Factor("y_endocrine_no_meds").Evidence.Single(e => e.Observation == "gestationalWeeks");
        Assert.Multiple(() =>
        {
            Assert.That(age.Kind, Is.EqualTo(EvidenceKinds.Derived));
            Assert.That(age.Value, Is.EqualTo(24m));
            Assert.That(age.ExamId, Is.EqualTo("ogtt"));
            Assert.That(age.Note, Does.StartWith("24+1 weeks"));
        });
    }

    [Test]
    public void ExamFinding_NamesTheExaminerExamAndDate()
    {
        var assessment = ACase.Healthy().WithExam(e => e.Id("e-3").On(ExamDate).By("Dr Chen").Finding("y_icp")).AssessOn(ExamDate);

        Assert.That(
            assessment.Factor("y_icp").Evidence,
            Is.EqualTo(new[] { new FactorEvidence(EvidenceKinds.Coded, null, null, null, "e-3", ExamDate, "Dr Chen", null, "y_icp") }));
    }

    [Test]
    public void BookingFindingAndHistoryFlag_NameTheBookingClinicianAndDate()
    {
        var booked = new DateOnly(2025, 2, 10);
        var assessment = ACase.Healthy().BookedOn(booked, "Dr Sun").WithBookingFinding("y_neuro").WithHistoryFlag("y_art").AssessOn(booked);

        var coded = assessment.Factor("y_neuro").Evidence.Single();
        var history = assessment.Factor("y_art").Evidence.Single();
        Assert.Multiple(() =>
        {
            Assert.That((coded.Kind, coded.CodedBy, coded.Date, coded.Finding), Is.EqualTo((EvidenceKinds.Coded, "Dr Sun", (DateOnly?)booked, "y_neuro")));
            Assert.That((history.Kind, history.CodedBy, history.Date, history.Finding), Is.EqualTo((EvidenceKinds.History, "Dr Sun", (DateOnly?)booked, "y_art")));
        });
    }

    [Test]
    public void FindingCodedTwice_NamesTheLatestCoding()
    {
        var assessment = ACase.Healthy()
            .WithExam(e => e.Id("a").By("Dr Chen").Finding("y_icp"))
            .WithExam(e => e.Id("b").By("Dr Zhou").Finding("y_icp"))
            .Assess();

        var evidence = assessment.Factor("y_icp").Evidence.Single();
        Assert.That((evidence.ExamId, evidence.CodedBy), Is.EqualTo(("b", "Dr Zhou")));
    }

    [Test]
    public void AgeAndBmi_AreDerivedWithTheirInputsInTheNote()
    {
        var assessment = ACase.BornOn(new DateOnly(1985, 3, 10)).WithHeightAndWeight(200, 112).AssessOn(new DateOnly(2025, 3, 10));

        var age = assessment.Factor("o_age").Evidence.Single();
        var bmi = assessment.Factor("o_bmi").Evidence.Single();
        Assert.Multiple(() =>
        {
            Assert.That((age.Kind, age.Observation, age.Value, age.Unit), Is.EqualTo((EvidenceKinds.Derived, "ageYears", (decimal?)40m, "years")));
            Assert.That(age.Note, Is.EqualTo("completed years from the birth date on the assessment date"));
            Assert.That((bmi.Kind, bmi.Observation, bmi.Value, bmi.Unit), Is.EqualTo((EvidenceKinds.Derived, "bmi", (decimal?)28m, "kg/m2")));
            Assert.That(bmi.Note, Does.Contain("weight 112 kg (booking)"));
        });
    }

    [Test]
    public void HistoryCounts_AreHistoryEvidence()
    {
        var assessment = ACase.Healthy().WithAbortions(3).WithUterineOperations(1, 1, new DateOnly(2024, 3, 1)).Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Factor("y_adverse_ob_hx").Evidence.Single().Value, Is.EqualTo(3m));
            Assert.That(assessment.Factor("o_uterine_surgery_ge2").Evidence.Single().Note, Is.EqualTo("caesareans + other uterine operations"));
            Assert.That(assessment.Factor("o_scar_lt18m").Evidence.Single().Value, Is.EqualTo(10m));
            Assert.That(assessment.Factors.SelectMany(f => f.Evidence).All(e => e.Kind == EvidenceKinds.History), Is.True);
        });
    }

    [Test]
    public void QualifierThatActivatedAFactor_IsListedWithWhoCodedIt()
    {
        var assessment = ACase.Healthy().WithExam(e => e.Id("lab").By("Dr Chen").Platelets(80).Finding("q_bleeding_tendency")).Assess();

        var evidence = assessment.Factor("r_thrombocytopenia").Evidence;
        Assert.Multiple(() =>
        {
            Assert.That(evidence.Select(e => e.Kind), Is.EqualTo(new[] { EvidenceKinds.Measurement, EvidenceKinds.Coded }));
            Assert.That(evidence[1].Finding, Is.EqualTo("q_bleeding_tendency"));
            Assert.That(evidence[1].CodedBy, Is.EqualTo("Dr Chen"));
        });
    }

    [Test]
    public void CodedAndMeasured_ListsBothOnce()
    {
        var assessment = ACase.Healthy().WithExam(e => e.Platelets(20).Finding("q_bleeding_tendency", "r_thrombocytopenia")).Assess();

        Assert.That(
            assessment.Factor("r_thrombocytopenia").Evidence.Select(e => e.Observation ?? e.Finding),
            Is.EqualTo(new[] { "platelets", "q_bleeding_tendency", "r_thrombocytopenia" }));
    }

    [Test]
    public void ManualRaise_NamesWhoRaisedItAndWhy()
    {
        var assessment = ACase.Healthy().WithRaise("raise-9", RiskColour.Orange, ExamDate, "Dr Zhao", "twin-twin transfusion suspected").AssessOn(ExamDate);

        Assert.That(
            assessment.Factor("raise-9").Evidence,
            Is.EqualTo(new[] { new FactorEvidence(EvidenceKinds.Raise, null, null, null, null, ExamDate, "Dr Zhao", "twin-twin transfusion suspected", "raise-9") }));
    }

    [Test]
    public void Assessment_RecordsTheCatalogueThatProducedIt()
    {
        var assessment = ACase.Healthy().Assess();

        Assert.That((assessment.CatalogueId, assessment.CatalogueVersion), Is.EqualTo(("cn-nhfpc-2017", "2017.5")));
    }
}
