using System.Text;
using System.Text.Json;

namespace HighRisk.Rules;

/// <summary>
/// Turns a catalogue file into definitions, rejecting anything a reviewer would have to guess about: unknown names,
/// duplicate ids, units that do not match the vocabulary, overlapping ranges. Every error names the entry's line.
/// </summary>
internal sealed partial class CatalogueReader
{
    private const int MaxConditionsPerFactor = 32;

    private static readonly HashSet<string> TopLevelProperties = ["id", "version", "title", "qualifiers", "factors"];
    private static readonly HashSet<string> QualifierProperties = ["kind", "id", "nameZh", "nameEn", "note"];
    private static readonly HashSet<string> FactorProperties =
        ["id", "colour", "category", "status", "source", "nameZh", "nameEn", "when", "coded", "whenCoded", "persists", "fromWeeks", "postpartum", "implies", "showsObservations", "prompt", "note"];
    private static readonly HashSet<string> PromptProperties = ["when", "whyZh", "whyEn", "unlessActive"];
    private static readonly HashSet<string> RangeProperties = ["observation", "gt", "gte", "lt", "lte", "eq", "unit"];
    private static readonly HashSet<string> QualifierTestProperties = ["qualifier", "present"];

    private readonly string sourceName;
    private readonly CatalogueLines lines;
    private int line;

    private CatalogueReader(string sourceName, CatalogueLines lines)
    {
        this.sourceName = sourceName;
        this.lines = lines;
    }

    public static RiskCatalogue Read(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        var utf8 = Encoding.UTF8.GetBytes(json);
        CatalogueLines lines;
        JsonDocument document;
        try
        {
            lines = CatalogueLines.Scan(utf8);
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            throw new CatalogueException(sourceName, (int)(e.LineNumber ?? -1) + 1, $"invalid JSON: {e.Message}", e);
        }

        using (document)
        {
            return new CatalogueReader(sourceName, lines).ReadCatalogue(document.RootElement);
        }
    }

    private RiskCatalogue ReadCatalogue(JsonElement root)
    {
        line = 1;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail("the catalogue must be a JSON object");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!TopLevelProperties.Contains(property.Name))
            {
                line = lines.TopLine(property.Name);
                throw Fail($"unknown property '{property.Name}' (expected {string.Join(", ", TopLevelProperties)})");
            }
        }

        var id = RequiredString(root, "id");
        var version = RequiredString(root, "version");
        var title = OptionalString(root, "title");

        var qualifiers = new List<QualifierDefinition>();
        if (root.TryGetProperty("qualifiers", out var qualifierArray))
        {
            line = lines.TopLine("qualifiers");
            var index = 0;
            foreach (var element in Array(qualifierArray, "qualifiers"))
            {
                line = lines.ElementLine("qualifiers", index++);
                qualifiers.Add(ReadQualifier(element));
            }
        }

        line = lines.TopLine("factors");
        if (!root.TryGetProperty("factors", out var factorArray))
        {
            line = 1;
            throw Fail("missing 'factors'");
        }

        var factors = new List<RiskFactorDefinition>();
        var factorIndex = 0;
        foreach (var element in Array(factorArray, "factors"))
        {
            line = lines.ElementLine("factors", factorIndex++);
            factors.Add(ReadFactor(element));
        }

        CheckReferences(qualifiers, factors);
        return new RiskCatalogue(id, version, title, factors, qualifiers);
    }

    private QualifierDefinition ReadQualifier(JsonElement element)
    {
        RequireObject(element, "a qualifier", QualifierProperties);
        var kind = RequiredString(element, "kind");
        if (kind != "qualifier")
        {
            throw Fail($"kind '{kind}' must be 'qualifier'");
        }

        var id = Id(element);
        return new QualifierDefinition(id, RequiredString(element, "nameZh"), RequiredString(element, "nameEn"), OptionalString(element, "note"), line);
    }

    private RiskFactorDefinition ReadFactor(JsonElement element)
    {
        RequireObject(element, "a factor", FactorProperties);
        var id = Id(element);
        var colour = RequiredString(element, "colour") switch
        {
            "yellow" => FactorColour.Yellow,
            "orange" => FactorColour.Orange,
            "red" => FactorColour.Red,
            "purple" => FactorColour.Purple,
            var other => throw Fail($"factor '{id}': colour '{other}' is not one of yellow, orange, red, purple (green is the absence of factors)"),
        };
        var status = RequiredString(element, "status") switch
        {
            "C" => CatalogueStatus.C,
            "P" => CatalogueStatus.P,
            "R" => CatalogueStatus.R,
            var other => throw Fail($"factor '{id}': status '{other}' is not one of C, P, R"),
        };

        var conditions = new List<FactorCondition>();
        if (element.TryGetProperty("when", out var when))
        {
            foreach (var alternative in Array(when, $"factor '{id}': 'when'"))
            {
                conditions.Add(ReadCondition(id, alternative));
            }
        }

        var whenCoded = new List<IReadOnlyList<string>>();
        if (element.TryGetProperty("whenCoded", out var whenCodedElement))
        {
            foreach (var alternative in Array(whenCodedElement, $"factor '{id}': 'whenCoded'"))
            {
                var ids = Array(alternative, $"factor '{id}': each 'whenCoded' entry").Select(e => String(e, $"factor '{id}': 'whenCoded'")).ToList();
                if (ids.Count < 2 || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
                {
                    throw Fail($"factor '{id}': each 'whenCoded' entry names two or more different coded ids (one alone is \"coded\")");
                }

                whenCoded.Add(ids);
            }
        }

        var coded = element.TryGetProperty("coded", out var codedElement) && Boolean(codedElement, $"factor '{id}': 'coded'");
        if (!coded && conditions.Count == 0 && whenCoded.Count == 0)
        {
            throw Fail($"factor '{id}' has neither a 'when' condition nor \"coded\": true, so nothing can activate it");
        }

        var persists = element.TryGetProperty("persists", out var persistsElement) && Boolean(persistsElement, $"factor '{id}': 'persists'");
        if (persists && (!coded || conditions.Count == 0))
        {
            throw Fail($"factor '{id}' persists, so it needs a 'when' condition to find it and \"coded\": true to keep it as a finding");
        }

        int? fromWeeks = null;
        if (element.TryGetProperty("fromWeeks", out var fromWeeksElement))
        {
            if (!coded || fromWeeksElement.ValueKind != System.Text.Json.JsonValueKind.Number || !fromWeeksElement.TryGetInt32(out var weeks) || weeks is < 1 or > 44)
            {
                throw Fail($"factor '{id}': 'fromWeeks' must be whole weeks from 1 to 44, on a coded factor");
            }

            fromWeeks = weeks;
        }

        var postpartum = element.TryGetProperty("postpartum", out var postpartumElement) && Boolean(postpartumElement, $"factor '{id}': 'postpartum'");
        if (postpartum && (!coded || fromWeeks is not null))
        {
            throw Fail($"factor '{id}': 'postpartum' is for a coded factor found after the birth, so it has no 'fromWeeks'");
        }

        FactorPrompt? prompt = null;
        if (element.TryGetProperty("prompt", out var promptElement))
        {
            if (!coded)
            {
                throw Fail($"factor '{id}': a 'prompt' points the examiner at a row to code, so the factor needs \"coded\": true");
            }

            prompt = ReadPrompt(id, promptElement);
        }

        if (conditions.Count > MaxConditionsPerFactor)
        {
            throw Fail($"factor '{id}' has {conditions.Count} conditions; at most {MaxConditionsPerFactor} are supported");
        }

        CheckOverlaps(id, conditions);

        var implies = new List<string>();
        if (element.TryGetProperty("implies", out var impliesElement))
        {
            foreach (var implied in Array(impliesElement, $"factor '{id}': 'implies'"))
            {
                implies.Add(String(implied, $"factor '{id}': 'implies'"));
            }
        }

        var shows = new List<Observation>();
        if (element.TryGetProperty("showsObservations", out var showsElement))
        {
            foreach (var name in Array(showsElement, $"factor '{id}': 'showsObservations'"))
            {
                shows.Add(ObservationNamed(id, String(name, $"factor '{id}': 'showsObservations'")));
            }
        }

        return new RiskFactorDefinition(
            id,
            colour,
            RequiredString(element, "category"),
            status,
            RequiredString(element, "source"),
            RequiredString(element, "nameZh"),
            RequiredString(element, "nameEn"),
            conditions,
            coded,
            implies,
            shows,
            OptionalString(element, "note"),
            line,
            persists,
            fromWeeks,
            postpartum,
            whenCoded,
            prompt);
    }
}
