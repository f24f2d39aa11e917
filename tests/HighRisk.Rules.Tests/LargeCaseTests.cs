using System.Collections.ObjectModel;
using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

/// <summary>Cases beyond the engine's stack buffers, and every kind of list a host may pass, grade the same way.</summary>
public class LargeCaseTests
{
    [Test]
    public void FortyCodedFactors_AreAllActive()
    {
        // Red and orange rows, none implying another: 40 active factors, more than the engine keeps on the stack.
        var coded = Catalogues.Real.Factors
            .Where(f => f.Coded && f.Colour is FactorColour.Red or FactorColour.Orange && f.Implies.Count == 0)
            .Take(40)
            .Select(f => f.Id)
            .ToArray();

        var assessment = ACase.Healthy().WithBookingFinding(coded).Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Ids(), Is.EquivalentTo(coded));
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Red));
        });
    }

    [Test]
    public void SeventyExams_TheLatestValueStillWins()
    {
        var facts = ACase.Healthy();
        for (var i = 0; i < 70; i++)
        {
            var hb = i == 69 ? 55m : 120m;
            facts.WithExam(e => e.On(ACase.DefaultBooking.AddDays(i)).Hb(hb));
        }

        var assessment = facts.Assess();

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Colour, Is.EqualTo(RiskColour.Orange));
            Assert.That(assessment.Factor("o_severe_anaemia").Evidence.Single().ExamId, Is.EqualTo("exam-70"));
        });
    }

    [Test]
    public void ArraysListsAndOtherLists_GradeTheSame()
    {
        var facts = ACase.Healthy()
            .WithBookingFinding("y_art")
            .WithExam(e => e.Hb(58).Bp(162, 100).Protein("1+").Finding("o_asthma"))
            .WithExam(e => e.Platelets(45).Resolve("o_asthma"))
            .Build();
        var asArrays = Reshape(facts, list => list.ToArray());
        var asLists = Reshape(facts, list => list.ToList());
        var asReadOnlyCollections = Reshape(facts, list => new ReadOnlyCollection<object>([.. list]));

        var expected = Catalogues.Engine.Assess(asArrays, ACase.DefaultBooking.AddDays(30));

        Assert.Multiple(() =>
        {
            Assert.That(expected.Colour, Is.EqualTo(RiskColour.Orange));
            Assert.That(Catalogues.Engine.Assess(asLists, ACase.DefaultBooking.AddDays(30)), Is.EqualTo(expected));
            Assert.That(Catalogues.Engine.Assess(asReadOnlyCollections, ACase.DefaultBooking.AddDays(30)), Is.EqualTo(expected));
        });
    }

    private static CaseFacts Reshape(CaseFacts facts, Func<IEnumerable<object>, IEnumerable<object>> shape)
    {
        IReadOnlyList<T> Of<T>(IEnumerable<T> items) => shape(items.Cast<object>()) switch
        {
            object[] array => array.Cast<T>().ToArray(),
            List<object> list => list.Cast<T>().ToList(),
            var other => new ReadOnlyCollection<T>([.. other.Cast<T>()]),
        };

        return facts with
        {
            BookingFindings = Of(facts.BookingFindings),
            Exams = Of(facts.Exams.Select(e => e with
            {
                Measurements = Of(e.Measurements),
                Findings = Of(e.Findings),
                Resolved = Of(e.Resolved),
            })),
        };
    }
}
