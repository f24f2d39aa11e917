namespace HighRisk.Rules.Tests;

/// <summary>A broken catalogue is refused with the file name, the line of the offending entry and the problem.</summary>
public class CatalogueValidationTests
{
    // Line 8 holds the first factor, line 9 the second, and so on.
    private const string Head = """
        {
          "id": "test",
          "version": "1",
          "qualifiers": [
            { "kind": "qualifier", "id": "q_known", "nameZh": "限定", "nameEn": "known qualifier" }
          ],
          "factors": [
        """;

    private const string Tail = """

          ]
        }
        """;

    private const string Good = """    { "id": "y_good", "colour": "yellow", "category": "basic", "status": "C", "source": "S1", "nameZh": "好", "nameEn": "good", "coded": true },""";

    [Test]
    public void WellFormedCatalogue_Loads()
    {
        var catalogue = Parse(Good, Factor("y_second", """ "when": [ { "observation": "hemoglobin", "gte": 60, "lt": 110, "unit": "g/L" } ] """));

        Assert.Multiple(() =>
        {
            Assert.That((catalogue.Id, catalogue.Version), Is.EqualTo(("test", "1")));
            Assert.That(catalogue.Factors.Select(f => (f.Id, f.Line)), Is.EqualTo(new[] { ("y_good", 8), ("y_second", 9) }));
            Assert.That(catalogue.Factors[1].When.Single().Ranges.Single().Range, Is.EqualTo(new NumericRange(60m, true, 110m, false)));
            Assert.That(catalogue.Qualifiers.Single().Id, Is.EqualTo("q_known"));
        });
    }

    [TestCase(""" "when": [ { "observation": "haemoglobin", "gte": 60, "unit": "g/L" } ] """, "unknown observation 'haemoglobin'")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "gte": 6, "unit": "g/dL" } ] """, "unit 'g/dL' does not match hemoglobin's unit 'g/L'")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "gte": 60, "lte": 110, "unit": "g/L" },""" +
        """ { "observation": "hemoglobin", "gte": 100, "unit": "g/L" } ] """, "ranges [60, 110] and [100, ∞) of hemoglobin overlap")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "lt": 60, "unit": "g/L" }, { "observation": "hemoglobin", "lte": 60, "unit": "g/L" } ] """, "overlap")]
    [TestCase(""" "when": [ { "all": [ { "observation": "platelets", "lte": 100, "unit": "10^9/L" }, { "qualifier": "q_unknown" } ] } ] """, "unknown qualifier 'q_unknown'")]
    [TestCase(""" "coded": true, "implies": [ "p_missing" ] """, "unknown implied factor 'p_missing'")]
    [TestCase(""" "coded": true, "implies": [ "y_bad" ] """, "implies itself")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "gte": 60, "unit": "g/L" } ], "whne": [] """, "unknown property 'whne'")]
    [TestCase(""" "note": "nothing activates it" """, "neither a 'when' condition nor \"coded\": true")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "gte": 60, "unit": "g/L" } ], "persists": true """, "persists, so it needs a 'when' condition to find it and \"coded\": true")]
    [TestCase(""" "coded": true, "persists": true """, "persists, so it needs a 'when' condition")]
    [TestCase(""" "coded": true, "fromWeeks": 0 """, "'fromWeeks' must be whole weeks from 1 to 44")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "gte": 60, "unit": "g/L" } ], "fromWeeks": 36 """, "on a coded factor")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "gte": 60, "unit": "g/L" } ], "postpartum": true """, "'postpartum' is for a coded factor")]
    [TestCase(""" "coded": true, "fromWeeks": 36, "postpartum": true """, "so it has no 'fromWeeks'")]
    [TestCase(""" "coded": true, "postpartum": "yes" """, "'postpartum'")]
    [TestCase(""" "whenCoded": [ [ "y_good" ] ] """, "two or more different coded ids")]
    [TestCase(""" "whenCoded": [ [ "y_good", "y_good" ] ] """, "two or more different coded ids")]
    [TestCase(""" "whenCoded": [ [ "y_good", "q_missing" ] ] """, "'whenCoded' names 'q_missing', which is neither a qualifier nor a coded factor")]
    [TestCase(""" "whenCoded": [ "y_good" ] """, "each 'whenCoded' entry")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "eq": 60, "lt": 70, "unit": "g/L" } ] """, "combines 'eq' with another bound")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "gt": 70, "lt": 60, "unit": "g/L" } ] """, "holds no value")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "unit": "g/L" } ] """, "has no bound")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "gt": 60, "gte": 61, "unit": "g/L" } ] """, "two lower or two upper bounds")]
    [TestCase(""" "when": [ { "all": [ { "observation": "hemoglobin", "gt": 60, "unit": "g/L" }, { "observation": "hemoglobin", "lt": 90, "unit": "g/L" } ] } ] """, "appears twice in one condition")]
    [TestCase(""" "when": [ { "all": [ { "qualifier": "q_known" } ] } ] """, "a qualifier alone grades nothing")]
    [TestCase(""" "when": [ { "observation": "hemoglobin", "gte": "60", "unit": "g/L" } ] """, "'gte' must be a number")]
    [TestCase(""" "when": [ { "observation": "alt", "gte": 40, "unit": "U/L" } ],""" +
        """ "prompt": { "when": [ { "observation": "alt", "gte": 120, "unit": "U/L" } ],""" +
        """ "whyZh": "高", "whyEn": "high" } """, "a 'prompt' points the examiner at a row to code, so the factor needs \"coded\": true")]
    [TestCase(""" "coded": true, "prompt": { "whyZh": "高", "whyEn": "high" } """, "the prompt needs 'when'")]
    [TestCase(""" "coded": true, "prompt": { "when": [], "whyZh": "高", "whyEn": "high" } """, "the prompt's 'when' is empty")]
    [TestCase(""" "coded": true, "prompt": { "when": [ { "observation": "alt", "gte": 120, "unit": "U/L" } ], "whyEn": "high" } """, "the prompt needs 'whyZh'")]
    [TestCase(""" "coded": true, "prompt": { "when": [ { "observation": "alt", "gte": 120, "unit": "U/L" } ], "whyZh": "高", "whyEn": "" } """, "the prompt's 'whyEn' must be a non-empty string")]
    [TestCase(""" "coded": true, "prompt": { "when": [ { "observation": "alt", "gte": 120, "unit": "U/L" } ],""" +
        """ "whyZh": "高", "whyEn": "high", "unless": [] } """, "the prompt: unknown property 'unless'")]
    [TestCase(""" "coded": true, "prompt": { "when": [ { "observation": "alt", "gte": 120, "unit": "IU/L" } ], "whyZh": "高", "whyEn": "high" } """, "unit 'IU/L' does not match alt's unit 'U/L'")]
    [TestCase(""" "coded": true, "prompt": { "when": [ { "observation": "alt", "gte": 120, "unit": "U/L" },""" +
        """ { "observation": "alt", "gte": 200, "unit": "U/L" } ], "whyZh": "高", "whyEn": "high" } """, "overlap")]
    [TestCase(""" "coded": true, "prompt": { "when": [ { "all": [ { "observation": "alt", "gte": 120, "unit": "U/L" }, { "qualifier": "q_unknown" } ] } ],""" +
        """ "whyZh": "高", "whyEn": "high" } """, "unknown qualifier 'q_unknown'")]
    [TestCase(""" "coded": true, "prompt": { "when": [ { "observation": "alt", "gte": 120, "unit": "U/L" } ],""" +
        """ "whyZh": "高", "whyEn": "high", "unlessActive": [ "y_missing" ] } """, "the prompt's 'unlessActive' names 'y_missing', which is not another factor")]
    [TestCase(""" "coded": true, "prompt": { "when": [ { "observation": "alt", "gte": 120, "unit": "U/L" } ],""" +
        """ "whyZh": "高", "whyEn": "high", "unlessActive": [ "y_bad" ] } """, "names 'y_bad', which is not another factor")]
    [TestCase(""" "coded": true, "prompt": [ { "observation": "alt", "gte": 120, "unit": "U/L" } ] """, "the prompt must be a JSON object")]
    public void BrokenFactor_IsRejectedWithItsLine(string body, string problem)
    {
        var error = Assert.Throws<CatalogueException>(() => Parse(Good, Factor("y_bad", body)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Line, Is.EqualTo(9));
            Assert.That(error.Message, Does.StartWith("test.json, line 9: "));
            Assert.That(error.Message, Does.Contain(problem));
        });
    }

    [Test]
    public void DuplicateId_IsRejectedAtTheSecondOccurrence()
    {
        var error = Assert.Throws<CatalogueException>(() => Parse(Good, Good, Good.Replace("y_good", "y_other", StringComparison.Ordinal)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Line, Is.EqualTo(9));
            Assert.That(error.Message, Does.Contain("duplicate id 'y_good'"));
        });
    }

    [Test]
    public void FactorReusingAQualifierId_IsADuplicate()
    {
        var error = Assert.Throws<CatalogueException>(() => Parse(Good, Good.Replace("y_good", "q_known", StringComparison.Ordinal)));

        Assert.That(error!.Message, Does.Contain("line 9: duplicate id 'q_known'"));
    }

    [TestCase("green", "colour 'green' is not one of yellow, orange, red, purple")]
    [TestCase("Yellow", "colour 'Yellow'")]
    public void BadColour_IsRejectedWithItsLine(string colour, string problem)
    {
        var error = Assert.Throws<CatalogueException>(() => Parse(Good, Good.Replace("\"yellow\"", $"\"{colour}\"", StringComparison.Ordinal).Replace("y_good", "y_bad", StringComparison.Ordinal)));

        Assert.That(error!.Message, Does.Contain($"line 9: factor 'y_bad': {problem}"));
    }

    [TestCase("X")]
    [TestCase("c")]
    public void BadStatus_IsRejectedWithItsLine(string status)
    {
        var error = Assert.Throws<CatalogueException>(() => Parse(Good, Good.Replace("\"C\"", $"\"{status}\"", StringComparison.Ordinal).Replace("y_good", "y_bad", StringComparison.Ordinal)));

        Assert.That(error!.Message, Does.Contain($"line 9: factor 'y_bad': status '{status}' is not one of C, P, R"));
    }

    [Test]
    public void MissingName_IsRejectedWithItsLine()
    {
        var error = Assert.Throws<CatalogueException>(() => Parse(Good, Good.Replace("\"nameEn\": \"good\", ", string.Empty, StringComparison.Ordinal)
            .Replace("y_good", "y_bad", StringComparison.Ordinal)));

        Assert.That(error!.Message, Does.Contain("line 9: missing 'nameEn' in 'y_bad'"));
    }

    [Test]
    public void BadQualifierKind_IsRejectedWithItsLine()
    {
        var json = Head.Replace("\"kind\": \"qualifier\"", "\"kind\": \"factor\"", StringComparison.Ordinal) + Good.TrimEnd(',') + Tail;

        var error = Assert.Throws<CatalogueException>(() => RiskCatalogue.Parse(json, "test.json"));

        Assert.That(error!.Message, Does.Contain("line 5: kind 'factor' must be 'qualifier'"));
    }

    [Test]
    public void InvalidJson_IsRejectedWithTheParserLine()
    {
        // The second factor lacks a comma between two properties.
        var error = Assert.Throws<CatalogueException>(() => Parse(Good, Good.Replace("\"colour\": \"yellow\",", "\"colour\": \"yellow\"", StringComparison.Ordinal)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Line, Is.EqualTo(9));
            Assert.That(error.Message, Does.StartWith("test.json, line 9: invalid JSON"));
        });
    }

    [Test]
    public void UnknownTopLevelProperty_IsRejectedWithItsLine()
    {
        var json = Head.Replace("\"version\": \"1\",", "\"version\": \"1\",\n  \"extra\": true,", StringComparison.Ordinal) + Good.TrimEnd(',') + Tail;

        var error = Assert.Throws<CatalogueException>(() => RiskCatalogue.Parse(json, "test.json"));

        Assert.That(error!.Message, Does.Contain("line 4: unknown property 'extra'"));
    }

    [Test]
    public void OverlappingRangesThatDifferByAQualifier_AreAllowed()
    {
        var catalogue = Parse(Good, Factor("r_plt", """ "when": [ { "observation": "platelets", "lt": 30, "unit": "10^9/L" },""" +
            """ { "all": [ { "observation": "platelets", "lte": 100, "unit": "10^9/L" }, { "qualifier": "q_known" } ] } ] """));

        Assert.That(catalogue.Factors[1].When, Has.Count.EqualTo(2));
    }

    [Test]
    public void RangesSharingOnlyAnExclusiveEnd_DoNotOverlap()
    {
        var catalogue = Parse(Good, Factor("y_split", """ "when": [ { "observation": "bmi", "lt": 18.5, "unit": "kg/m2" }, { "observation": "bmi", "gte": 18.5, "lt": 19, "unit": "kg/m2" } ] """));

        Assert.That(catalogue.Factors[1].When, Has.Count.EqualTo(2));
    }

    [Test]
    public void Prompt_IsReadWithItsConditionsAndTexts()
    {
        var catalogue = Parse(Good, Factor("o_liver", """ "coded": true, "prompt": { "when": [ { "observation": "alt", "gte": 120, "unit": "U/L" } ],""" +
            """ "whyZh": "转氨酶高", "whyEn": "ALT high", "unlessActive": [ "y_good" ] } """));

        var prompt = catalogue.Factors[1].Prompt!;
        Assert.Multiple(() =>
        {
            Assert.That(prompt.When.Single().Ranges.Single().Range, Is.EqualTo(new NumericRange(120m, true, null, false)));
            Assert.That((prompt.WhyZh, prompt.WhyEn), Is.EqualTo(("转氨酶高", "ALT high")));
            Assert.That(prompt.UnlessActive, Is.EqualTo(new[] { "y_good" }));
            Assert.That(catalogue.Factors[0].Prompt, Is.Null);
        });
    }

    private static string Factor(string id, string body) =>
        $$"""    { "id": "{{id}}", "colour": "yellow", "category": "basic", "status": "C", "source": "S1", "nameZh": "坏", "nameEn": "bad", {{body}} },""";

    private static RiskCatalogue Parse(params string[] factorLines)
    {
        factorLines[^1] = factorLines[^1].TrimEnd(',');
        return RiskCatalogue.Parse(Head + "\n" + string.Join("\n", factorLines) + Tail, "test.json");
    }
}
