using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

/// <summary>
/// Prompts: coded rows whose measured values suggest them are listed beside the grade (the catalogue's <c>prompt</c>),
/// never change it, and go away once the row (or a row that explains the values) is active.
/// </summary>
public class PromptTests
{
    private static readonly DateOnly ExamDay = ACase.DefaultBooking.AddDays(7);

    [TestCase(119, null)]
    [TestCase(120, "o_liver_unexplained")]
    [TestCase(800, "o_liver_unexplained")]
    public void Alt_AtTheThreeTimesUlnBoundary_PromptsUnexplainedLiverDysfunction(decimal alt, string? prompted)
    {
        var assessment = ACase.Healthy().WithExam(e => e.Measure(Observation.Alt, alt)).Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Prompts.Select(p => p.Id), prompted is null ? Is.Empty : Is.EqualTo(new[] { prompted }));
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Green), "a prompt changes no grade");
            Assert.That(assessment.Factors, Is.Empty);
        });
    }

    [TestCase(39.9, RiskColour.Green, null)]
    [TestCase(40, RiskColour.Green, "o_aortic")]
    [TestCase(44.9, RiskColour.Green, "o_aortic")]
    [TestCase(45, RiskColour.Red, null)]
    public void AorticDiameter_From40To44_PromptsAorticDisease_45IsRed(decimal diameter, RiskColour colour, string? prompted)
    {
        var assessment = ACase.Healthy().WithExam(e => e.Measure(Observation.AorticDiameter, diameter)).Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Prompts.Select(p => p.Id), prompted is null ? Is.Empty : Is.EqualTo(new[] { prompted }));
            Assert.That(assessment.Colour, Is.EqualTo(colour));
        });
    }

    [Test]
    public void Prompt_CarriesTheRowTheValueAndWhy()
    {
        var assessment = ACase.Healthy().WithExam(e => e.On(ExamDay).Id("exam-alt").Measure(Observation.Alt, 150)).Assess();

        var prompt = assessment.Prompts.Single();
        Assert.Multiple(() =>
        {
            Assert.That((prompt.Id, prompt.Colour, prompt.NameZh), Is.EqualTo(("o_liver_unexplained", FactorColour.Orange, "原因不明的肝功能异常")));
            Assert.That(prompt.Values, Is.EqualTo(new[]
            {
                new FactorEvidence(EvidenceKinds.Measurement, "alt", 150m, "U/L", "exam-alt", ExamDay, "Dr Wang", null),
            }));
            Assert.That(prompt.WhyZh, Does.Contain("120 U/L"));
            Assert.That(prompt.WhyEn, Does.Contain("120 U/L"));
        });
    }

    [Test]
    public void CodedRow_IsNoLongerPrompted_AndGradesItsColour()
    {
        var assessment = ACase.Healthy().WithExam(e => e.Measure(Observation.Alt, 150).Finding("o_liver_unexplained")).Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Prompts, Is.Empty);
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Orange));
        });
    }

    [TestCase("y_icp")]
    [TestCase("o_severe_pe")]
    [TestCase("r_gi")]
    public void RowThatExplainsTheValue_SilencesThePrompt(string explaining)
    {
        var assessment = ACase.Healthy().WithExam(e => e.Measure(Observation.Alt, 300).Finding(explaining)).Assess();

        Assert.That(assessment.Prompts, Is.Empty);
    }

    [Test]
    public void ValueFromAnEarlierExam_StillPrompts_UntilANewValueIsNormal()
    {
        var earlier = ACase.Healthy().WithExam(e => e.Measure(Observation.Alt, 200)).WithExam(e => e.Hb(120));
        var later = ACase.Healthy().WithExam(e => e.Measure(Observation.Alt, 200)).WithExam(e => e.Measure(Observation.Alt, 35));

        Assert.Multiple(() =>
        {
            Assert.That(earlier.Assess().Prompts.Select(p => p.Id), Is.EqualTo(new[] { "o_liver_unexplained" }));
            Assert.That(later.Assess().Prompts, Is.Empty);
        });
    }

    [Test]
    public void SeveralPrompts_AreInOutputOrder()
    {
        var assessment = ACase.Healthy().WithExam(e => e.Measure(Observation.Alt, 200).Measure(Observation.AorticDiameter, 42)).Assess();

        Assert.That(assessment.Prompts.Select(p => p.Id), Is.EqualTo(new[] { "o_aortic", "o_liver_unexplained" }));
    }

    [Test]
    public void PromptOfATimedRow_FollowsTheTimingRule()
    {
        // A catalogue whose postpartum row is prompted by a fever: only after the birth.
        var catalogue = RiskCatalogue.Parse("""
            {
              "id": "test", "version": "1",
              "factors": [
                { "id": "o_puerperal", "colour": "orange", "category": "complication", "status": "C", "source": "S2",
                  "nameZh": "产褥感染", "nameEn": "puerperal infection", "coded": true, "postpartum": true,
                  "prompt": { "when": [ { "observation": "temperature", "gte": 38, "unit": "°C" } ], "whyZh": "发热", "whyEn": "fever" } }
              ]
            }
            """, "test.json");
        var engine = new RiskEngine(catalogue);
        var birth = ExamDay.AddDays(-3);
        var pregnant = ACase.Healthy().WithExam(e => e.On(ExamDay).Measure(Observation.Temperature, 38.5m)).Build();
        var delivered = pregnant with { DeliveryDate = birth };

        Assert.Multiple(() =>
        {
            Assert.That(engine.Assess(pregnant, ExamDay).Prompts, Is.Empty, "before the birth the row cannot be coded");
            Assert.That(engine.Assess(delivered, ExamDay).Prompts.Select(p => p.Id), Is.EqualTo(new[] { "o_puerperal" }));
        });
    }
}
