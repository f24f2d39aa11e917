using System.Text.Json;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;

namespace HighRisk.Features.Fhir;

/// <summary>FHIR JSON in and out, by the Firely SDK's own serializer (strict: an element R4 does not have is an error).</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Options);

    /// <summary>The request body as a resource of type <typeparamref name="T"/>; a body that is not one is a 400 naming where it failed.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : Resource
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, ct)
                ?? throw new FhirProblem(StatusCodes.Status400BadRequest, [FhirIssues.Invalid(OperationOutcome.IssueType.Structure, "The body is empty.", typeof(T).Name)]);
        }
        catch (DeserializationFailedException failed)
        {
            throw new FhirProblem(StatusCodes.Status400BadRequest, failed.Exceptions.Select(e => FhirIssues.Invalid(
                OperationOutcome.IssueType.Structure, e.Message, e is FhirJsonException json && !string.IsNullOrEmpty(json.InstancePath) ? json.InstancePath : typeof(T).Name)).ToList());
        }
        catch (JsonException json)
        {
            throw new FhirProblem(StatusCodes.Status400BadRequest, [FhirIssues.Invalid(OperationOutcome.IssueType.Structure, json.Message, typeof(T).Name)]);
        }
    }
}

/// <summary>A FHIR response: the resource as FHIR JSON with its status code.</summary>
public sealed class FhirResult(Resource resource, int status = StatusCodes.Status200OK, string? location = null) : IResult
{
    public Resource Resource => resource;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = $"{FhirJson.MediaType}; charset=utf-8";
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        await httpContext.Response.WriteAsync(FhirJson.Serialize(resource), httpContext.RequestAborted);
    }
}
