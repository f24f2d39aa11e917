using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HighRisk.Features.Fhir;
using HighRisk.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Web.Tests.Fhir;

/// <summary>FHIR over HTTP for the tests: every answer is parsed, validated and round-tripped (<see cref="FhirConformance"/>).</summary>
public sealed class FhirApi(ServiceFixture service)
{
    public async Task<(HttpStatusCode Status, Resource Body, HttpResponseMessage Response)> PostAsync(JsonObject bundle, HttpClient? client = null)
    {
        using var content = new StringContent(bundle.ToJsonString(), Encoding.UTF8, FhirJson.MediaType);
        var response = await (client ?? service.Client).PostAsync(new Uri("/fhir", UriKind.Relative), content);
        return (response.StatusCode, await ReadAsync(response, "POST /fhir"), response);
    }

    public async Task<(HttpStatusCode Status, Resource Body)> GetAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? service.Client).GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ReadAsync(response, $"GET {path}"));
    }

    /// <summary>A read that sets a test up or checks a result: fails unless 200 with a resource of type <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(string path, HttpClient? client = null)
        where T : Resource
    {
        var (status, body) = await GetAsync(path, client);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"GET {path}: {HighRisk.Features.Fhir.FhirJson.Serialize(body)}");
        return (T)body;
    }

    private static async Task<Resource> ReadAsync(HttpResponseMessage response, string what)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(FhirJson.MediaType), what);
        return FhirConformance.ParseAndValidate(await response.Content.ReadAsStringAsync(), what);
    }

    /// <summary>A hospital's transaction Bundle: the entries as given, for one woman by resident ID, at the test facility, today.</summary>
    public JsonObject ResultsBundle(string residentId, params JsonObject[] resources)
    {
        var entries = new JsonArray();
        foreach (var resource in resources)
        {
            resource["subject"] ??= new JsonObject { ["identifier"] = new JsonObject { ["system"] = FhirSystems.ResidentId, ["value"] = residentId } };
            resource["effectiveDateTime"] ??= resource["resourceType"]!.GetValue<string>() == "Observation" ? Day(service.Clock.Today) : null;
            if (resource["effectiveDateTime"] is null)
            {
                resource.Remove("effectiveDateTime");
            }

            entries.Add(new JsonObject
            {
                ["fullUrl"] = $"urn:uuid:{Guid.NewGuid()}",
                ["resource"] = resource,
                ["request"] = new JsonObject { ["method"] = "POST", ["url"] = resource["resourceType"]!.GetValue<string>() },
            });
        }

        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "transaction",
            ["identifier"] = new JsonObject { ["system"] = "urn:oid:1.2.156.112636.1.2", ["value"] = $"LIS-{Guid.NewGuid():N}" },
            ["entry"] = entries,
        };
    }

    /// <summary>An Observation with a quantity, performed by the test facility (its code under the facility-code system).</summary>
    public static JsonObject Measured(string system, string code, decimal value, string unit) => new()
    {
        ["resourceType"] = "Observation",
        ["status"] = "final",
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) },
        ["performer"] = new JsonArray(new JsonObject
        {
            ["identifier"] = new JsonObject { ["system"] = FhirSystems.FacilityCode, ["value"] = Bookings.Facility },
            ["display"] = "楠竹山镇卫生院",
        }),
        ["valueQuantity"] = new JsonObject { ["value"] = value, ["unit"] = unit, ["system"] = FhirSystems.Ucum, ["code"] = unit },
    };

    /// <summary>A Condition coded with the catalogue's CodeSystem.</summary>
    public static JsonObject Finding(string factorId) => new()
    {
        ["resourceType"] = "Condition",
        ["clinicalStatus"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/condition-clinical", ["code"] = "active" }) },
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = FhirSystems.RiskFactor, ["code"] = factorId }) },
    };

    public static JsonObject Loinc(string code, decimal value, string unit) => Measured(FhirSystems.Loinc, code, value, unit);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
