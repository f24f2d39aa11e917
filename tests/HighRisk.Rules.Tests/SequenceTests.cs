using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

/// <summary>Dynamic assessment: the grade follows the latest values and resolutions, up and down.</summary>
public class SequenceTests
{
    private static readonly DateOnly March = new(2025, 3, 3);
    private static readonly DateOnly April = new(2025, 4, 7);
    private static readonly DateOnly May = new(2025, 5, 5);

    [Test]
    public void LowHbThenNormalHb_GoesOrangeThenGreen()
    {
        var facts = ACase.Healthy().WithExam(e => e.On(March).Hb(55)).WithExam(e => e.On(April).Hb(120));

        Assert.Multiple(() =>
        {
            Assert.That(facts.AssessOn(March).Colour, Is.EqualTo(RiskColour.Orange));
            Assert.That(facts.AssessOn(April).Colour, Is.EqualTo(RiskColour.Green));
        });
    }

    [Test]
    public void ExamsOutOfListOrder_TheLatestDateWins()
    {
        var assessment = ACase.Healthy().WithExam(e => e.On(April).Hb(120)).WithExam(e => e.On(March).Hb(55)).AssessOn(April);

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Green));
    }

    [Test]
    public void TwoExamsOnOneDay_TheLaterInTheListWins()
    {
        var assessment = ACase.Healthy().WithExam(e => e.On(March).Hb(120)).WithExam(e => e.On(March).Hb(55)).AssessOn(March);

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Orange));
    }

    [Test]
    public void ExamAfterTheAssessmentDate_IsNotCounted()
    {
        var assessment = ACase.Healthy().WithExam(e => e.On(March).Hb(120)).WithExam(e => e.On(May).Hb(35)).AssessOn(April);

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Green));
    }

    [Test]
    public void CodedRedResolvedOnALaterExam_GoesDown()
    {
        var facts = ACase.Healthy()
            .WithBookingFinding("y_art")
            .WithExam(e => e.On(March).Finding("r_thromboembolism"))
            .WithExam(e => e.On(April).Resolve("r_thromboembolism", "DVT excluded on ultrasound"));

        Assert.Multiple(() =>
        {
            Assert.That(facts.AssessOn(March).Colour, Is.EqualTo(RiskColour.Red));
            Assert.That(facts.AssessOn(April).Colour, Is.EqualTo(RiskColour.Yellow));
        });
    }

    [Test]
    public void ResolutionDatedBeforeTheFinding_DoesNotResolveIt()
    {
        var assessment = ACase.Healthy()
            .WithExam(e => e.On(April).Finding("r_thromboembolism"))
            .WithExam(e => e.On(March).Resolve("r_thromboembolism"))
            .AssessOn(May);

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Red));
    }

    [Test]
    public void ResolutionInTheSameExamAsTheFinding_DoesNotResolveIt()
    {
        var assessment = ACase.Healthy().WithExam(e => e.On(March).Finding("o_asthma").Resolve("o_asthma")).AssessOn(March);

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Orange));
    }

    [Test]
    public void BookingFindingResolvedAtAnExam_IsInactive()
    {
        var assessment = ACase.Healthy().WithBookingFinding("o_asthma").WithExam(e => e.On(March).Resolve("o_asthma")).AssessOn(March);

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Green));
    }

    [Test]
    public void FindingCodedAgainAfterResolution_IsActiveAgain()
    {
        var facts = ACase.Healthy()
            .WithExam(e => e.On(March).Finding("o_asthma"))
            .WithExam(e => e.On(April).Resolve("o_asthma"))
            .WithExam(e => e.On(May).Finding("o_asthma"));

        Assert.Multiple(() =>
        {
            Assert.That(facts.AssessOn(April).Colour, Is.EqualTo(RiskColour.Green));
            Assert.That(facts.AssessOn(May).Colour, Is.EqualTo(RiskColour.Orange));
        });
    }

    [Test]
    public void ResolvingAMeasuredFactor_DoesNotOverrideTheLatestValue()
    {
        var assessment = ACase.Healthy().WithExam(e => e.On(March).Hb(55)).WithExam(e => e.On(April).Resolve("o_severe_anaemia")).AssessOn(April);

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Orange));
    }

    [Test]
    public void ResolvedDiabetes_EndsWhileTheGlucoseItWasFoundFromIsStillTheLatest_AndANewHighGlucoseFindsItAgain()
    {
        var facts = ACase.Healthy()
            .WithExam(e => e.On(March).Glucose(7.2m))
            .WithExam(e => e.On(April).Hb(120).Resolve("y_endocrine_no_meds", "OGTT normal: misdiagnosed"))
            .WithExam(e => e.On(May).Glucose(7.4m));

        Assert.Multiple(() =>
        {
            Assert.That(facts.AssessOn(March).Ids(), Does.Contain("y_endocrine_no_meds"));
            Assert.That(facts.AssessOn(April).Colour, Is.EqualTo(RiskColour.Green), "no glucose since the resolution");
            Assert.That(facts.AssessOn(May).Ids(), Does.Contain("y_endocrine_no_meds"));
        });
    }

    [Test]
    public void ResolvedSeverePreEclampsia_IsNotFoundAgainFromTheExamThatRecordedBothValues()
    {
        var facts = ACase.Healthy()
            .WithExam(e => e.On(March).Bp(165, 112).Protein("2+"))
            .WithExam(e => e.On(April).Bp(130, 85).Resolve("o_severe_pe").Resolve("y_hdp"))
            .WithExam(e => e.On(May).Protein("-"));

        Assert.Multiple(() =>
        {
            Assert.That(facts.AssessOn(March).Colour, Is.EqualTo(RiskColour.Orange));
            Assert.That(facts.AssessOn(April).Colour, Is.EqualTo(RiskColour.Green), "the latest exam with BP and protein is March's, resolved in April");
            Assert.That(facts.AssessOn(May).Colour, Is.EqualTo(RiskColour.Green));
        });
    }

    [Test]
    public void ALastingDiagnosisResolvedInTheExamThatMeasuresIt_StillHolds()
    {
        var assessment = ACase.Healthy()
            .WithExam(e => e.On(March).Bp(150, 95))
            .WithExam(e => e.On(April).Bp(152, 96).Resolve("y_hdp"))
            .AssessOn(April);

        Assert.That(assessment.Ids(), Does.Contain("y_hdp"), "a resolution does not outweigh the same exam's reading, as for a coded finding");
    }

    [Test]
    public void ManualRaise_HoldsTheColourUntilResolvedOnALaterExam()
    {
        var facts = ACase.Healthy()
            .WithExam(e => e.On(March).Hb(120))
            .WithRaise("raise-1", RiskColour.Orange, March)
            .WithExam(e => e.On(April).Hb(125))
            .WithExam(e => e.On(May).Resolve("raise-1", "reviewed by the MCH team"));

        Assert.Multiple(() =>
        {
            Assert.That(facts.AssessOn(March).Colour, Is.EqualTo(RiskColour.Orange));
            Assert.That(facts.AssessOn(April).Colour, Is.EqualTo(RiskColour.Orange));
            Assert.That(facts.AssessOn(April).Ids(), Is.EqualTo(new[] { "raise-1" }));
            Assert.That(facts.AssessOn(May).Colour, Is.EqualTo(RiskColour.Green));
        });
    }

    [Test]
    public void ManualRaise_ResolvedOnTheSameDay_StillHolds()
    {
        var assessment = ACase.Healthy()
            .WithRaise("raise-1", RiskColour.Red, March)
            .WithExam(e => e.On(March).Resolve("raise-1"))
            .AssessOn(March);

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Red));
    }

    [Test]
    public void ManualRaiseBelowTheComputedColour_DoesNotLowerIt()
    {
        var assessment = ACase.Healthy().WithRaise("raise-1", RiskColour.Yellow, March).WithExam(e => e.On(March).Hb(35)).AssessOn(March);

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Red));
            Assert.That(assessment.Ids(), Is.EqualTo(new[] { "r_severe_anaemia", "raise-1" }));
        });
    }

    [Test]
    public void ManualRaiseDatedAfterTheAssessment_IsNotCounted()
    {
        var assessment = ACase.Healthy().WithRaise("raise-1", RiskColour.Red, May).AssessOn(April);

        Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Green));
    }
}
