namespace HighRisk.Features.Fhir;

/// <summary>Read by id and search for each resource type, and the terminology (the catalogue as CodeSystems and a ValueSet).</summary>
public static class FhirReadEndpoints
{
    public static void Map(RouteGroupBuilder fhir)
    {
        foreach (var type in FhirResources.Types)
        {
            // The id's name says what it is: EpisodeOfCare and Flag ids are the pregnancy's (as /api/pregnancies/{id}).
            var idName = type is "EpisodeOfCare" or "Flag" ? "id" : $"{char.ToLowerInvariant(type[0])}{type[1..]}Id";
            fhir.MapGet($"/{type}/{{{idName}}}", async (HttpContext http, FhirRegister register, CancellationToken ct) =>
                    new FhirResult(await register.ReadAsync(type, (string)http.GetRouteValue(idName)!, ct)))
                .WithName($"FhirRead{type}")
                .WithSummary($"FHIR: read a {type}")
                .WithDescription($"{Describe(type)} Outside the user's area: 404 OperationOutcome.")
                .Produces(StatusCodes.Status200OK, contentType: FhirJson.MediaType)
                .Produces(StatusCodes.Status404NotFound, contentType: FhirJson.MediaType);

            fhir.MapGet($"/{type}", async (HttpContext http, FhirSearch search, CancellationToken ct) =>
                    new FhirResult(await search.SearchAsync(type, http.Request.Query, $"{http.Request.PathBase}/fhir/{type}", ct)))
                .WithName($"FhirSearch{type}")
                .WithSummary($"FHIR: search {type}")
                .WithDescription($"{Describe(type)} Search parameters: {string.Join(", ", FhirSearch.Parameters[type])}; paging by _count (at most " +
                    $"{FhirSearch.MaxCount}) with a next link. A searchset Bundle; records outside the user's area are not found.")
                .Produces(StatusCodes.Status200OK, contentType: FhirJson.MediaType)
                .Produces(StatusCodes.Status400BadRequest, contentType: FhirJson.MediaType);
        }

        foreach (var type in new[] { "CodeSystem", "ValueSet" })
        {
            var idName = type == "CodeSystem" ? "codeSystemId" : "valueSetId";
            fhir.MapGet($"/{type}/{{{idName}}}", (HttpContext http, FhirTerminology terminology) => new FhirResult(terminology.Read(type, (string)http.GetRouteValue(idName)!)))
                .WithName($"FhirRead{type}")
                .WithSummary($"FHIR: read a {type}")
                .WithDescription($"The catalogue in force as terminology: {(type == "CodeSystem" ? string.Join(", ", FhirTerminology.CodeSystemIds) : "risk-colour")}.")
                .Produces(StatusCodes.Status200OK, contentType: FhirJson.MediaType)
                .Produces(StatusCodes.Status404NotFound, contentType: FhirJson.MediaType);
            fhir.MapGet($"/{type}", (HttpContext http, FhirTerminology terminology) => new FhirResult(terminology.Search(type, http.Request.Query)))
                .WithName($"FhirSearch{type}")
                .WithSummary($"FHIR: search {type}")
                .WithDescription("All of them, or by _id or url.")
                .Produces(StatusCodes.Status200OK, contentType: FhirJson.MediaType)
                .Produces(StatusCodes.Status400BadRequest, contentType: FhirJson.MediaType);
        }
    }

    private static string Describe(string type) => type switch
    {
        "Patient" => "The woman: resident ID (masked for supervisors, as in the JSON API), name, birth date, mobile.",
        "EpisodeOfCare" => "A pregnancy: status, period, the responsible health worker, referrals.",
        "Encounter" => "An exam: date, facility, examiner.",
        "Observation" => "A measurement of an exam, with its LOINC (or HighRisk) code and UCUM unit.",
        "Condition" => "A coded finding (catalogue CodeSystem), from the booking or an exam.",
        "RiskAssessment" => "The grade: the colour as qualitative risk, the evidence as basis, the catalogue version as method; id = pregnancy id for the grade now.",
        "Flag" => "Her colour (id = pregnancy id) and the purple flag (id + '-purple').",
        "CarePlan" => "A version of her case's management plan (id = the version's): active, revoked when replaced, completed when the case closed.",
        "ServiceRequest" => "A referral as ordered (id = the referral's): urgency as priority, the reason, the receiving facility as performer.",
        _ => "A referral as the receiving facility's work (id = the referral's): its status follows the referral; the feedback is the output once completed.",
    };
}
