using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Rules;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Features.Fhir;

/// <summary>
/// The loaded catalogue as terminology: the risk factors and qualifiers (with colour and source status), the colours,
/// the ValueSet of colours, and HighRisk's codes for measurements LOINC does not cover. Made from the catalogue in force,
/// so a new catalogue version is a new CodeSystem version.
/// </summary>
public sealed class FhirTerminology(RiskCatalogue catalogue)
{
    public static readonly string[] CodeSystemIds = ["risk-factor", "risk-colour", "observation"];

    public IEnumerable<CodeSystem> CodeSystems() => [RiskFactors(), Colours(), ObservationCodeSystem()];

    public IEnumerable<ValueSet> ValueSets() => [ColourSet()];

    public Resource Read(string type, string id) =>
        (type == "CodeSystem" ? CodeSystems().FirstOrDefault(c => c.Id == id) : ValueSets().FirstOrDefault(v => v.Id == id) as Resource)
        ?? throw new NotFoundException($"No {type}/{id}.");

    public Bundle Search(string type, IQueryCollection query)
    {
        if (query.Keys.FirstOrDefault(k => k is not ("_id" or "url" or "_format")) is { } unknown)
        {
            throw FhirSearch.Refuse(OperationOutcome.IssueType.NotSupported, $"{type} is searched by _id or url.", unknown);
        }

        var all = type == "CodeSystem" ? CodeSystems().Cast<Resource>() : ValueSets();
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        foreach (var resource in all.Where(r => Matches(r, query)))
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{FhirSystems.Base}/{type}/{resource.Id}",
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        bundle.Total = bundle.Entry.Count;
        return bundle;
    }

    private static bool Matches(Resource resource, IQueryCollection query) =>
        (!query.TryGetValue("_id", out var id) || resource.Id == id.ToString())
        && (!query.TryGetValue("url", out var url) || (resource as CodeSystem)?.Url == url.ToString() || (resource as ValueSet)?.Url == url.ToString());

    private CodeSystem RiskFactors()
    {
        var system = Header("risk-factor", FhirSystems.RiskFactor, "HighRiskRiskFactors", $"{catalogue.Title ?? catalogue.Id}: risk factors and qualifiers");
        system.Property =
        [
            new CodeSystem.PropertyComponent { Code = "colour", Type = CodeSystem.PropertyType.Code, Description = "The colour the factor grades (yellow, orange, red, purple)." },
            new CodeSystem.PropertyComponent { Code = "status", Type = CodeSystem.PropertyType.Code, Description = "Source status: C confirmed, P partial, R as commonly cited (unconfirmed)." },
            new CodeSystem.PropertyComponent { Code = "category", Type = CodeSystem.PropertyType.String, Description = "The catalogue's category." },
            new CodeSystem.PropertyComponent { Code = "coded", Type = CodeSystem.PropertyType.Boolean, Description = "A clinician may code it as a finding (a Condition)." },
        ];
        foreach (var factor in catalogue.Factors)
        {
            system.Concept.Add(new CodeSystem.ConceptDefinitionComponent
            {
                Code = factor.Id,
                Display = factor.NameZh,
                Definition = factor.NameEn,
                Designation = [new CodeSystem.DesignationComponent { Language = "en", Value = factor.NameEn }],
                Property =
                [
                    new CodeSystem.ConceptPropertyComponent { Code = "colour", Value = new Code(factor.Colour.ToApiName()) },
                    new CodeSystem.ConceptPropertyComponent { Code = "status", Value = new Code(factor.Status.ToString()) },
                    new CodeSystem.ConceptPropertyComponent { Code = "category", Value = new FhirString(factor.Category) },
                    new CodeSystem.ConceptPropertyComponent { Code = "coded", Value = new FhirBoolean(factor.Coded) },
                ],
            });
        }

        foreach (var qualifier in catalogue.Qualifiers)
        {
            system.Concept.Add(new CodeSystem.ConceptDefinitionComponent
            {
                Code = qualifier.Id,
                Display = qualifier.NameZh,
                Definition = $"Qualifier: {qualifier.NameEn}",
                Property = [new CodeSystem.ConceptPropertyComponent { Code = "coded", Value = new FhirBoolean(true) }],
            });
        }

        system.Count = system.Concept.Count;
        return system;
    }

    private CodeSystem Colours()
    {
        var system = Header("risk-colour", FhirSystems.RiskColour, "HighRiskColours", "Pregnancy risk colours (妊娠风险五色)");
        system.Concept.AddRange(FhirResources.ColourNames.Select(c => new CodeSystem.ConceptDefinitionComponent { Code = c.Key, Display = c.Value }));
        system.Count = system.Concept.Count;
        return system;
    }

    private CodeSystem ObservationCodeSystem()
    {
        var system = Header("observation", FhirSystems.Observation, "HighRiskObservations", "HighRisk measurements without a LOINC code here");
        system.Concept.AddRange(ObservationCodes.All.Where(c => !c.IsLoinc).Select(c => new CodeSystem.ConceptDefinitionComponent
        {
            Code = c.Code,
            Display = c.Info.NameZh,
            Definition = $"{c.Info.NameEn}, UCUM {c.Unit}",
        }));
        system.Count = system.Concept.Count;
        return system;
    }

    private ValueSet ColourSet() => new()
    {
        Id = "risk-colour",
        Url = FhirSystems.RiskColourValueSet,
        Version = RegradeBatch.CurrentVersion(catalogue),
        Name = "HighRiskColours",
        Title = "Pregnancy risk colours",
        Status = PublicationStatus.Active,
        Compose = new ValueSet.ComposeComponent { Include = [new ValueSet.ConceptSetComponent { System = FhirSystems.RiskColour }] },
    };

    private CodeSystem Header(string id, string url, string name, string title) => new()
    {
        Id = id,
        Url = url,
        Version = RegradeBatch.CurrentVersion(catalogue),
        Name = name,
        Title = title,
        Status = PublicationStatus.Active,
        CaseSensitive = true,
        Content = CodeSystemContentMode.Complete,
    };
}
