using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Features.Fhir;

/// <summary>
/// The HL7 FHIR R4 endpoint under /fhir (docs/fhir.md): the same accounts, tokens, area scope, masking and audit as the
/// JSON API, FHIR JSON in and out, errors as OperationOutcome.
/// </summary>
public static class FhirEndpoints
{
    public static void AddFhir(this IServiceCollection services)
    {
        // Before the service's problem+json writer, which takes everything: under /fhir errors are OperationOutcomes.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, OperationOutcomeWriter>());
        services.AddScoped<ResultsTarget>();
        services.AddScoped<PostResultsBundle>();
        services.AddScoped<FhirRegister>();
        services.AddScoped<FhirSearch>();
        services.AddSingleton<FhirTerminology>();
    }

    public static void MapFhir(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").WithTags("FHIR").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (FhirProblem problem)
            {
                return new FhirResult(problem.Outcome(), problem.Status);
            }
        });

        // Anonymous, as FHIR clients expect: it says what is served, nothing about anyone.
        fhir.MapGet("/metadata", () => new FhirResult(FhirCapabilities.Statement())).AllowAnonymous()
            .WithName("FhirCapabilities")
            .WithSummary("FHIR: the CapabilityStatement")
            .WithDescription("What this FHIR R4 server supports: the resource types, their read and search interactions and search parameters, and the transaction.")
            .Produces(StatusCodes.Status200OK, contentType: FhirJson.MediaType);

        fhir.MapPost(string.Empty, (HttpRequest request, PostResultsBundle post, CancellationToken ct) => post.HandleAsync(request, ct))
            .WithName("FhirTransaction")
            .WithSummary("FHIR: a hospital's results as a transaction Bundle")
            .WithDescription("A transaction Bundle of Observations (LOINC or HighRisk codes, UCUM units), optional Conditions coded with the " +
                "catalogue and an optional Encounter, for one woman (subject by resident ID or Patient id, or EpisodeOfCare) at one facility " +
                "(performer by facility code) on one date, is recorded as one exam and re-grades her as a typed exam does. " +
                "Idempotent by Bundle.identifier. Unknown codes, wrong units and implausible values: 422 OperationOutcome naming the element; " +
                "an unreadable Bundle: 400. See docs/fhir.md.")
            .Accepts<object>(FhirJson.MediaType)
            .Produces(StatusCodes.Status200OK, contentType: FhirJson.MediaType)
            .Produces(StatusCodes.Status400BadRequest, contentType: FhirJson.MediaType)
            .Produces(StatusCodes.Status404NotFound, contentType: FhirJson.MediaType)
            .Produces(StatusCodes.Status409Conflict, contentType: FhirJson.MediaType)
            .Produces(StatusCodes.Status422UnprocessableEntity, contentType: FhirJson.MediaType);

        FhirReadEndpoints.Map(fhir);
    }
}
