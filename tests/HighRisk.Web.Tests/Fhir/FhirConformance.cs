using System.Text.Json;
using Firely.Fhir.Validation;
using HighRisk.Features.Fhir;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace HighRisk.Web.Tests.Fhir;

/// <summary>
/// What every resource the endpoint returns must pass: the SDK's strict parser reads it, Firely's validator finds no
/// error against base FHIR R4 (the specification package's profiles), and it round-trips (parse → serialize → parse
/// equal). The oracle is the SDK's, not HighRisk's.
/// </summary>
public static class FhirConformance
{
    private static readonly Lazy<Validator> BaseR4 = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource()).AsAsync();
        return new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver), null, null, null);
    });

    private static readonly JsonSerializerOptions Strict = new JsonSerializerOptions().ForFhirStrict();

    public static Resource ParseAndValidate(string json, string what)
    {
        var resource = JsonSerializer.Deserialize<Resource>(json, Strict)!;
        var outcome = BaseR4.Value.Validate(resource);
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Where(i => !IsRas2WithoutProbability(i, resource))
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text} {i.Diagnostics}").ToList();
        Assert.That(errors, Is.Empty, $"{what} validates against base FHIR R4:\n{json}");

        var again = JsonSerializer.Deserialize<Resource>(JsonSerializer.Serialize(resource, resource.GetType(), Strict), Strict)!;
        Assert.That(again.IsExactly(resource), Is.True, $"{what} round-trips (parse → serialize → parse)");
        return resource;
    }

    /// <summary>
    /// R4's ras-2 ("probability is decimal implies (probability as decimal) &lt;= 100") evaluates to empty, not true, when a
    /// prediction has no probability, and the validator counts empty as failed; its XPath twin (<c>not(f:probabilityDecimal)
    /// or …</c>) and its intent pass. HighRisk grades by colour and states no probability, so only that case is excused.
    /// </summary>
    private static bool IsRas2WithoutProbability(OperationOutcome.IssueComponent issue, Resource resource) =>
        $"{issue.Details?.Text} {issue.Diagnostics}".Contains("constraint ras-2 ", StringComparison.Ordinal)
        && (resource is RiskAssessment r ? [r] : resource is Bundle b ? b.Entry.Select(e => e.Resource).OfType<RiskAssessment>() : [])
            .All(a => a.Prediction.All(p => p.Probability is null));

    private static JsonSerializerOptions ForFhirStrict(this JsonSerializerOptions options) =>
        Hl7.Fhir.Serialization.FhirJsonConverterOptionsExtensions.ForFhir(options, ModelInfo.ModelInspector);
}
