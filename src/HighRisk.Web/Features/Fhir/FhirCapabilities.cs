using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Features.Fhir;

/// <summary>The CapabilityStatement: made from the same tables the endpoints use, so it lists exactly what is served.</summary>
public static class FhirCapabilities
{
    public static CapabilityStatement Statement()
    {
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Documentation = new Markdown("HighRisk's FHIR R4 endpoint (docs/fhir.md). Bearer tokens from /api/auth/login; a record outside the user's area is 404."),
            Security = new CapabilityStatement.SecurityComponent { Description = new Markdown("Bearer token (POST /api/auth/login), the same accounts and area scope as the JSON API.") },
            Interaction = [new CapabilityStatement.SystemInteractionComponent
            {
                Code = CapabilityStatement.SystemRestfulInteraction.Transaction,
                Documentation = new Markdown("A hospital's results: Observations, Conditions and one Encounter for one woman, recorded as one exam. Idempotent by Bundle.identifier."),
            }],
        };
        foreach (var type in FhirResources.Types)
        {
            rest.Resource.Add(Resource(type, FhirSearch.Parameters[type]));
        }

        rest.Resource.Add(Resource("CodeSystem", ["_id", "url"]));
        rest.Resource.Add(Resource("ValueSet", ["_id", "url"]));
        return new CapabilityStatement
        {
            Id = "highrisk",
            Url = $"{FhirSystems.Base}/CapabilityStatement/highrisk",
            Name = "HighRisk",
            Title = "HighRisk FHIR R4 server",
            Status = PublicationStatus.Active,
            Date = "2026-12-06",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "HighRisk" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "HighRisk high-risk pregnancy register" },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["application/fhir+json"],
            Rest = [rest],
        };
    }

    private static CapabilityStatement.ResourceComponent Resource(string type, IEnumerable<string> parameters) => new()
    {
        Type = type,
        Interaction =
        [
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
        ],
        SearchParam = [.. parameters.Select(p => new CapabilityStatement.SearchParamComponent
        {
            Name = p,
            Type = p switch
            {
                "_id" or "url" => SearchParamType.Token,
                "identifier" or "code" or "status" or "priority" => SearchParamType.Token,
                "date" or "recorded-date" or "authored" or "authored-on" or "_lastUpdated" => SearchParamType.Date,
                _ => SearchParamType.Reference,
            },
            Documentation = p is "episode-of-care" or "context" && type != "Encounter" ? new Markdown("HighRisk: the pregnancy (EpisodeOfCare) the resource belongs to.") : null,
        })],
    };
}
