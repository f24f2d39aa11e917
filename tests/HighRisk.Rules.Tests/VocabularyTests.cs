using System.Globalization;

namespace HighRisk.Rules.Tests;

/// <summary>The observation vocabulary, urine protein grades and the calendar helpers the host relies on.</summary>
public class VocabularyTests
{
    [Test]
    public void EveryObservation_HasOneApiNameAndASensibleRange()
    {
        var all = Observations.All;

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(o => o.Observation), Is.EqualTo(Enum.GetValues<Observation>()));
            Assert.That(all, Has.Count.EqualTo(Observations.Count), "Count is the last enum member + 1");
            Assert.That(all.Select(o => o.ApiName), Is.Unique);
            Assert.That(all.All(o => o.Min < o.Max && o.Unit.Length > 0 && o.NameZh.Length > 0), Is.True);
            Assert.That(all.Count, Is.LessThanOrEqualTo(64), "observations are kept in a 64-bit mask per exam");
        });
    }

    [TestCase("hemoglobin", Observation.Hemoglobin)]
    [TestCase("systolicBp", Observation.SystolicBp)]
    [TestCase("creatinineToUln", Observation.CreatinineToUln)]
    [TestCase("bmi", Observation.Bmi)]
    public void TryParse_KnowsApiNames(string name, Observation expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Observations.TryParse(name, out var observation), Is.True);
            Assert.That(observation, Is.EqualTo(expected));
            Assert.That(expected.ToApiName(), Is.EqualTo(name));
        });
    }

    [TestCase("Hemoglobin")]
    [TestCase("hb")]
    [TestCase("")]
    public void TryParse_RejectsOtherNames(string name) => Assert.That(Observations.TryParse(name, out _), Is.False);

    [TestCase(Observation.SystolicBp, 50, true)]
    [TestCase(Observation.SystolicBp, 49, false)]
    [TestCase(Observation.SystolicBp, 300, true)]
    [TestCase(Observation.SystolicBp, 301, false)]
    [TestCase(Observation.Hemoglobin, 19.9, false)]
    [TestCase(Observation.Hemoglobin, 250, true)]
    [TestCase(Observation.Platelets, 0, false)]
    [TestCase(Observation.FetusCount, 2, true)]
    [TestCase(Observation.FetusCount, 2.5, false)]
    [TestCase(Observation.FetusCount, 9, false)]
    [TestCase(Observation.NyhaClass, 5, false)]
    [TestCase(Observation.UrineProtein, 0.5, true)]
    [TestCase(Observation.UrineProtein, 1.5, false)]
    [TestCase(Observation.Spo2, 100, true)]
    [TestCase(Observation.Spo2, 101, false)]
    public void IsPlausible_RejectsImpossibleValues(Observation observation, decimal value, bool expected) =>
        Assert.That(observation.Info().IsPlausible(value), Is.EqualTo(expected));

    [TestCase("-", 0)]
    [TestCase("+-", 0.5)]
    [TestCase("±", 0.5)]
    [TestCase("1+", 1)]
    [TestCase(" 2+ ", 2)]
    [TestCase("3+", 3)]
    [TestCase("4+", 4)]
    public void UrineProtein_ParsesGrades(string text, decimal expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(UrineProteinGrade.TryParse(text, out var value), Is.True);
            Assert.That(value, Is.EqualTo(expected));
        });
    }

    [TestCase("5+")]
    [TestCase("++")]
    [TestCase("1")]
    [TestCase("")]
    [TestCase(null)]
    public void UrineProtein_RejectsOtherText(string? text) => Assert.That(UrineProteinGrade.TryParse(text, out _), Is.False);

    [Test]
    public void UrineProtein_FormatRoundTrips()
    {
        foreach (var text in UrineProteinGrade.Texts)
        {
            Assert.That(UrineProteinGrade.TryParse(text, out var value) ? UrineProteinGrade.Format(value) : null, Is.EqualTo(text));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => UrineProteinGrade.Format(1.5m));
    }

    [TestCase("2025-01-06", "2025-01-06", "0+0")]
    [TestCase("2025-01-06", "2025-06-22", "23+6")]
    [TestCase("2025-01-06", "2025-06-23", "24+0")]
    [TestCase("2024-02-01", "2024-03-01", "4+1")]
    public void GestationalAge_CountsWeeksAndDaysFromTheLmp(string lmp, string date, string expected) =>
        Assert.That(GestationalAge.FromLmp(Date(lmp), Date(date)).ToString(), Is.EqualTo(expected));

    [Test]
    public void GestationalAge_BeforeTheLmp_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GestationalAge.FromLmp(Date("2025-01-06"), Date("2025-01-05")));

    [TestCase("2024-01-01", "2024-10-07")]
    [TestCase("2024-05-31", "2025-03-07")]
    public void Edd_IsLmpPlus280Days(string lmp, string edd)
    {
        Assert.Multiple(() =>
        {
            Assert.That(GestationalAge.EddFromLmp(Date(lmp)), Is.EqualTo(Date(edd)));
            Assert.That(GestationalAge.LmpFromEdd(Date(edd)), Is.EqualTo(Date(lmp)));
        });
    }

    [Test]
    public void GestationalAge_ComparesByTotalDays() =>
        Assert.That(new GestationalAge(24, 0), Is.GreaterThan(new GestationalAge(23, 6)));

    [TestCase("1990-03-10", "2025-03-09", 34)]
    [TestCase("1990-03-10", "2025-03-10", 35)]
    [TestCase("1996-02-29", "2025-02-28", 28)]
    [TestCase("1996-02-29", "2025-03-01", 29)]
    [TestCase("1996-02-29", "2024-02-29", 28)]
    public void AgeOn_CountsCompletedYears(string birth, string date, int expected) =>
        Assert.That(ClinicalDates.AgeOn(Date(birth), Date(date)), Is.EqualTo(expected));

    [TestCase("2023-07-06", "2025-01-06", 18)]
    [TestCase("2023-07-07", "2025-01-06", 17)]
    [TestCase("2025-01-31", "2025-02-28", 1)]
    [TestCase("2025-01-31", "2025-02-27", 0)]
    [TestCase("2025-03-01", "2025-01-01", -2)]
    public void CompletedMonths_CountsCalendarMonths(string from, string to, int expected) =>
        Assert.That(ClinicalDates.CompletedMonths(Date(from), Date(to)), Is.EqualTo(expected));

    [TestCase(FactorColour.Yellow, RiskColour.Yellow)]
    [TestCase(FactorColour.Red, RiskColour.Red)]
    [TestCase(FactorColour.Purple, null)]
    public void PurpleFactor_ContributesNoGrade(FactorColour colour, RiskColour? expected) =>
        Assert.That(colour.ToRiskColour(), Is.EqualTo(expected));

    [Test]
    public void RiskColours_AreOrdered() =>
        Assert.That(new[] { RiskColour.Green, RiskColour.Yellow, RiskColour.Orange, RiskColour.Red }, Is.Ordered);

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
