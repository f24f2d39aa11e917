using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

/// <summary>
/// The timing rule of coded findings (<see cref="RiskFactorDefinition.CodingTimeAt"/>), the one the service applies at
/// booking, at exams and in the preview: ≥36周胎位不正 from 36+0 weeks and in the pregnancy only, postpartum rows after the
/// birth only, every other row at any time.
/// </summary>
public class FindingTimingTests
{
    private static readonly DateOnly Lmp = new(2025, 1, 6);
    private static readonly DateOnly Birth = Lmp.AddDays(7 * 39);

    [TestCase("y_malpresentation", 35, 6, CodingTime.TooEarly)]
    [TestCase("y_malpresentation", 36, 0, CodingTime.Fits)]
    [TestCase("o_puerperal", 36, 0, CodingTime.OnlyAfterBirth)]
    [TestCase("r_postpartum_unstable", 41, 6, CodingTime.OnlyAfterBirth)]
    [TestCase("y_anaemia", 4, 0, CodingTime.Fits)]
    public void InPregnancy(string id, int weeks, int days, CodingTime expected) =>
        Assert.That(Factor(id).CodingTimeAt(ClinicalTime.Pregnant(new GestationalAge(weeks, days))), Is.EqualTo(expected));

    [TestCase("y_malpresentation", CodingTime.OnlyInPregnancy)]
    [TestCase("o_puerperal", CodingTime.Fits)]
    [TestCase("r_postpartum_unstable", CodingTime.Fits)]
    [TestCase("y_anaemia", CodingTime.Fits)]
    public void AfterTheBirth(string id, CodingTime expected) =>
        Assert.That(Factor(id).CodingTimeAt(ClinicalTime.Postpartum), Is.EqualTo(expected));

    [TestCase("y_malpresentation", CodingTime.Undated)]
    [TestCase("o_puerperal", CodingTime.OnlyAfterBirth)]
    [TestCase("y_anaemia", CodingTime.Fits)]
    public void InAnUndatedPregnancy(string id, CodingTime expected) =>
        Assert.That(Factor(id).CodingTimeAt(ClinicalTime.Undated), Is.EqualTo(expected));

    [Test]
    public void ClinicalTime_TheDayOfTheBirthIsAfterIt_TheDayBeforeHasAnAge()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ClinicalTime.On(Birth, Lmp, Birth), Is.EqualTo(ClinicalTime.Postpartum));
            Assert.That(ClinicalTime.On(Birth.AddDays(-1), Lmp, Birth), Is.EqualTo(ClinicalTime.Pregnant(new GestationalAge(38, 6))));
            Assert.That(ClinicalTime.On(Birth, Lmp, delivered: null), Is.EqualTo(ClinicalTime.Pregnant(new GestationalAge(39, 0))));
            Assert.That(ClinicalTime.On(Lmp.AddDays(-1), Lmp, delivered: null), Is.EqualTo(ClinicalTime.Undated));
            Assert.That(ClinicalTime.On(Lmp, lmp: null, delivered: null), Is.EqualTo(ClinicalTime.Undated));
        });
    }

    private static RiskFactorDefinition Factor(string id) =>
        Catalogues.Real.TryGetFactor(id, out var factor) ? factor : throw new AssertionException($"no factor {id}");
}
