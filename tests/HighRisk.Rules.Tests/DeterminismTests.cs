using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

public class DeterminismTests
{
    private static CaseFacts Busy() => ACase.BornOn(new DateOnly(1986, 5, 1))
        .WithHeightAndWeight(158, 70)
        .WithAbortions(3)
        .WithHistoryFlag("y_art")
        .WithBookingFinding("y_hbv_carrier")
        .WithExam(e => e.Hb(58).Platelets(90).Bp(150, 95).Protein("1+"))
        .WithExam(e => e.Hb(104).Platelets(45).Bp(162, 100).Protein("2+").Finding("o_asthma"))
        .WithRaise("raise-1", RiskColour.Red, ACase.DefaultBooking.AddDays(10))
        .Build();

    [Test]
    public void SameFactsTwice_GiveEqualAssessments()
    {
        var facts = Busy();
        var date = ACase.DefaultBooking.AddDays(30);

        var first = Catalogues.Engine.Assess(facts, date);
        var second = Catalogues.Engine.Assess(facts, date);
        var otherEngine = new RiskEngine(Catalogues.Real).Assess(Busy(), date);

        Assert.Multiple(() =>
        {
            Assert.That(first.Factors, Has.Count.GreaterThan(5));
            Assert.That(second, Is.EqualTo(first));
            Assert.That(otherEngine, Is.EqualTo(first));
            Assert.That(otherEngine.GetHashCode(), Is.EqualTo(first.GetHashCode()));
        });
    }

    [Test]
    public void DifferentFacts_GiveUnequalAssessments()
    {
        var date = ACase.DefaultBooking.AddDays(30);

        var busy = Catalogues.Engine.Assess(Busy(), date);
        var healthy = Catalogues.Engine.Assess(ACase.Healthy().Build(), date);

        Assert.That(healthy, Is.Not.EqualTo(busy));
    }

    [Test]
    public void ManyThreadsAtOnce_GiveTheSameAssessment()
    {
        var facts = Busy();
        var date = ACase.DefaultBooking.AddDays(30);
        var expected = Catalogues.Engine.Assess(facts, date);
        var results = new RiskAssessment[2000];

        Parallel.For(0, results.Length, i => results[i] = Catalogues.Engine.Assess(facts, date));

        Assert.That(results, Is.All.EqualTo(expected));
    }
}
