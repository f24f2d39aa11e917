using HighRisk.Rules.Tests.Builders;

namespace HighRisk.Rules.Tests;

/// <summary>The shipped catalogue file: complete, consistent with the reference table, and loadable.</summary>
public class RealCatalogueTests
{
    [Test]
    public void RealCatalogue_HoldsEveryRowOfTheGradingTable()
    {
        var catalogue = Catalogues.Real;

        Assert.Multiple(() =>
        {
            Assert.That((catalogue.Id, catalogue.Version), Is.EqualTo(("cn-nhfpc-2017", "2017.5")));
            Assert.That(catalogue.Factors, Has.Count.EqualTo(107));
            Assert.That(catalogue.Factors.Count(f => f.Colour == FactorColour.Yellow), Is.EqualTo(36));
            Assert.That(catalogue.Factors.Count(f => f.Colour == FactorColour.Orange), Is.EqualTo(37));
            Assert.That(catalogue.Factors.Count(f => f.Colour == FactorColour.Red), Is.EqualTo(33));
            Assert.That(catalogue.Factors.Count(f => f.Colour == FactorColour.Purple), Is.EqualTo(1));
            Assert.That(catalogue.TryGetFactor("g_baseline", out _), Is.False, "green is the absence of factors");
            Assert.That(catalogue.Qualifiers.Select(q => q.Id), Is.EquivalentTo(new[]
            {
                "q_bleeding_tendency", "q_platelets_falling", "q_steroid_6m_inactive", "q_cardiopulmonary_decline",
            }));
        });
    }

    [Test]
    public void RealCatalogue_IdPrefixMatchesColour()
    {
        var prefixes = new Dictionary<FactorColour, string>
        {
            [FactorColour.Yellow] = "y_",
            [FactorColour.Orange] = "o_",
            [FactorColour.Red] = "r_",
            [FactorColour.Purple] = "p_",
        };

        Assert.That(Catalogues.Real.Factors.Where(f => !f.Id.StartsWith(prefixes[f.Colour], StringComparison.Ordinal)).Select(f => f.Id), Is.Empty);
    }

    [Test]
    public void RealCatalogue_StatusCountsMatchTheReference()
    {
        var factors = Catalogues.Real.Factors;

        Assert.That(
            (factors.Count(f => f.Status == CatalogueStatus.C), factors.Count(f => f.Status == CatalogueStatus.P), factors.Count(f => f.Status == CatalogueStatus.R)),
            Is.EqualTo((47, 16, 44)));
    }

    [TestCase("y_anaemia", FactorColour.Yellow, CatalogueStatus.C, "S1")]
    [TestCase("o_severe_anaemia", FactorColour.Orange, CatalogueStatus.C, "S3")]
    [TestCase("r_ph", FactorColour.Red, CatalogueStatus.C, "S2")]
    [TestCase("r_severe_anaemia", FactorColour.Red, CatalogueStatus.R, "cited")]
    [TestCase("p_infectious", FactorColour.Purple, CatalogueStatus.C, "S2")]
    public void TryGetFactor_ReturnsTheRowWithItsMetadata(string id, FactorColour colour, CatalogueStatus status, string source)
    {
        Assert.That(Catalogues.Real.TryGetFactor(id, out var factor), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That((factor!.Colour, factor.Status, factor.Source), Is.EqualTo((colour, status, source)));
            Assert.That(factor.NameZh, Is.Not.Empty);
            Assert.That(factor.NameEn, Is.Not.Empty);
            Assert.That(factor.Line, Is.GreaterThan(1));
        });
    }

    [Test]
    public void RealCatalogue_HbsAgCarrierImpliesPurple()
    {
        Assert.That(Catalogues.Real.TryGetFactor("y_hbv_carrier", out var carrier), Is.True);
        Assert.That(carrier!.Implies, Is.EqualTo(new[] { "p_infectious" }));
    }

    [Test]
    public void RealCatalogue_EveryInterpretedNumericRowCarriesANote()
    {
        var decided = new[]
        {
            "y_anaemia", "y_hdp", "y_endocrine_no_meds", "o_valvular", "o_mild_ph", "o_severe_pe", "o_scar_lt18m",
            "o_nephrogenic_di", "r_valvular_severe", "r_cardiac_other", "r_thrombocytopenia", "y_malpresentation",
        };

        Assert.That(decided.Where(id => !Catalogues.Real.TryGetFactor(id, out var f) || string.IsNullOrWhiteSpace(f.Note)), Is.Empty);
    }
}
