using System.Net;
using HighRisk.Features.Fhir;
using HighRisk.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Web.Tests.Fhir;

/// <summary>The register out: reads, searches, paging, scope, masking, the CapabilityStatement and the terminology.</summary>
public class FhirReadTests : ServiceFixture
{
    private FhirApi Fhir => new(this);

    [Test]
    public async Task AUserOfAnotherCounty_Gets404OnHerPatientAndEpisodeOfCare()
    {
        var (id, womanId, _) = await BookedWithResultsAsync();
        var examId = await ScalarAsync<Guid>("SELECT id FROM exams WHERE pregnancy_id = $1", id);
        foreach (var path in new[] { $"/fhir/Patient/{womanId}", $"/fhir/EpisodeOfCare/{id}", $"/fhir/Flag/{id}", $"/fhir/RiskAssessment/{id}", $"/fhir/Encounter/{examId}" })
        {
            var (status, outcome) = await Fhir.GetAsync(path, Clients["other-county"]);
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound), path);
            Assert.That(((OperationOutcome)outcome).Issue[0].Code, Is.EqualTo(OperationOutcome.IssueType.NotFound), path);
            Assert.That(((OperationOutcome)outcome).Issue[0].Diagnostics, Is.EqualTo($"No {path["/fhir/".Length..]} in your area."),
                "answered as an id that does not exist: the 404 does not tell that it exists elsewhere");
            await Fhir.GetAsync<Resource>(path, Clients["county"]);
        }

        var search = await Fhir.GetAsync<Bundle>($"/fhir/Observation?patient=Patient/{womanId}", Clients["other-county"]);
        Assert.That(search.Entry, Is.Empty, "a search outside the area finds nothing");
    }

    [Test]
    public async Task Patient_ResidentIdIsMaskedForSupervisorsAsInTheJsonApi()
    {
        var (_, womanId, residentId) = await BookedWithResultsAsync();
        var asWorker = await Fhir.GetAsync<Patient>($"/fhir/Patient/{womanId}");
        var asCounty = await Fhir.GetAsync<Patient>($"/fhir/Patient/{womanId}", Clients["county"]);
        Assert.Multiple(() =>
        {
            Assert.That(asWorker.Identifier.Single().System, Is.EqualTo(FhirSystems.ResidentId));
            Assert.That(asWorker.Identifier.Single().Value, Is.EqualTo(residentId));
            Assert.That(asCounty.Identifier.Single().Value, Is.EqualTo($"{residentId[..6]}********{residentId[^4..]}"));
            Assert.That(asCounty.Telecom.Single().Value, Is.EqualTo("138****8000"));
        });
    }

    [Test]
    public async Task Search_ByPatientCodeAndDate_PagesWithNextLinks()
    {
        var (id, womanId, residentId) = await BookedWithResultsAsync();
        var byIdentifier = await Fhir.GetAsync<Bundle>($"/fhir/Patient?identifier={Uri.EscapeDataString($"{FhirSystems.ResidentId}|{residentId}")}");
        Assert.That(byIdentifier.Entry.Single().Resource!.Id, Is.EqualTo(womanId.ToString()));

        var first = await Fhir.GetAsync<Bundle>($"/fhir/Observation?patient=Patient/{womanId}&_count=1");
        Assert.That(first.Total, Is.EqualTo(2));
        var next = first.Link.Single(l => l.Relation == "next").Url!;
        var second = await Fhir.GetAsync<Bundle>(next);
        Assert.That(second.Link.Any(l => l.Relation == "next"), Is.False);
        Assert.That(first.Entry.Concat(second.Entry).Select(e => e.Resource!.Id).Distinct().Count(), Is.EqualTo(2));

        var today = FhirApi.Day(Clock.Today);
        var platelets = await Fhir.GetAsync<Bundle>($"/fhir/Observation?episode-of-care=EpisodeOfCare/{id}&code=http://loinc.org|777-3&date={today}");
        var tomorrow = await Fhir.GetAsync<Bundle>($"/fhir/Observation?episode-of-care={id}&date=gt{today}");
        var updated = await Fhir.GetAsync<Bundle>($"/fhir/Encounter?patient={womanId}&_lastUpdated=ge{today}");
        Assert.Multiple(() =>
        {
            Assert.That(platelets.Entry.Single().Resource!.Id, Does.EndWith("-platelets"));
            Assert.That(tomorrow.Entry, Is.Empty);
            Assert.That(updated.Entry, Has.Count.EqualTo(1));
        });

        // She has no plan and no referral here: CarePlan, ServiceRequest and Task are searched in FhirCarePlanAndReferralTests.
        foreach (var type in FhirResources.Types.Except(["Patient", "CarePlan", "ServiceRequest", "Task"]))
        {
            var all = await Fhir.GetAsync<Bundle>($"/fhir/{type}?patient=Patient/{womanId}");
            Assert.That(all.Entry, Is.Not.Empty, type);
        }

        var (status, outcome) = await Fhir.GetAsync($"/fhir/Observation?colour=red&patient={womanId}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(((OperationOutcome)outcome).Issue[0].Expression.Single(), Is.EqualTo("colour"));
    }

    [Test]
    public async Task Metadata_ListsExactlyTheServedTypes_AndWithoutATokenEverythingElseIs401()
    {
        var statement = await Fhir.GetAsync<CapabilityStatement>("/fhir/metadata", Anonymous);
        var types = statement.Rest.Single().Resource.Select(r => r.Type).ToList();
        Assert.That(types, Is.EquivalentTo(FhirResources.Types.Append("CodeSystem").Append("ValueSet")));
        Assert.That(statement.Rest[0].Interaction.Single().Code, Is.EqualTo(CapabilityStatement.SystemRestfulInteraction.Transaction));

        // Every type it lists is read and searched, and documented in the OpenAPI document with the transaction.
        var (_, openApi) = await Api.GetAsync("/openapi/v1.json", Anonymous);
        var paths = openApi!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Does.Contain("/fhir").And.Contain("/fhir/metadata"));
        foreach (var type in types)
        {
            Assert.That(paths, Does.Contain($"/fhir/{type}"), type);
            Assert.That(paths.Count(p => p.StartsWith($"/fhir/{type}/{{", StringComparison.Ordinal)), Is.EqualTo(1), type);
        }

        var (status, outcome) = await Fhir.GetAsync($"/fhir/Patient/{Guid.NewGuid()}", Anonymous);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(((OperationOutcome)outcome).Issue[0].Code, Is.EqualTo(OperationOutcome.IssueType.Login));
    }

    [Test]
    public async Task Terminology_TheCatalogueAsCodeSystemsAndTheColoursAsAValueSet()
    {
        var factors = await Fhir.GetAsync<CodeSystem>("/fhir/CodeSystem/risk-factor");
        var anaemia = factors.Concept.Single(c => c.Code == "o_severe_anaemia");
        Assert.That(((Code)anaemia.Property.Single(p => p.Code == "colour").Value!).Value, Is.EqualTo("orange"));
        Assert.That(anaemia.Property.Any(p => p.Code == "status"), Is.True);
        var colours = await Fhir.GetAsync<CodeSystem>("/fhir/CodeSystem/risk-colour");
        Assert.That(colours.Concept.Select(c => c.Code), Is.EqualTo(new[] { "green", "yellow", "orange", "red", "purple" }));
        var set = await Fhir.GetAsync<ValueSet>("/fhir/ValueSet/risk-colour");
        Assert.That(set.Compose!.Include.Single().System, Is.EqualTo(FhirSystems.RiskColour));
        var byUrl = await Fhir.GetAsync<Bundle>($"/fhir/CodeSystem?url={Uri.EscapeDataString(FhirSystems.RiskColour)}");
        Assert.That(byUrl.Entry.Single().Resource!.Id, Is.EqualTo("risk-colour"));
    }

    [Test]
    public async Task AConditionCodedPurple_RaisesThePurpleFlagBesideHerColour_AndAClosedPregnancyIs409()
    {
        var woman = Bookings.AWoman(weeks: 16);
        var id = await Api.BookAsync(woman);
        var residentId = woman["residentId"]!.GetValue<string>();
        var before = await Fhir.GetAsync<Flag>($"/fhir/Flag/{id}{FhirIds.PurpleSuffix}");
        Assert.That(before.Status, Is.EqualTo(Flag.FlagStatus.Inactive));

        var finding = FhirApi.Finding("p_infectious");
        finding["recordedDate"] = FhirApi.Day(Clock.Today);
        var (status, answer, _) = await Fhir.PostAsync(Fhir.ResultsBundle(residentId, FhirApi.Loinc("718-7", 120, "g/L"), finding));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), FhirJson.Serialize(answer));

        var purple = await Fhir.GetAsync<Flag>($"/fhir/Flag/{id}{FhirIds.PurpleSuffix}");
        var colour = await Fhir.GetAsync<Flag>($"/fhir/Flag/{id}");
        var condition = await Fhir.GetAsync<Condition>($"/fhir/{((Bundle)answer).Entry[1].Response!.Location}");
        var flags = await Fhir.GetAsync<Bundle>($"/fhir/Flag?episode-of-care={id}&code={Uri.EscapeDataString($"{FhirSystems.RiskColour}|purple")}");
        Assert.Multiple(() =>
        {
            Assert.That(purple.Status, Is.EqualTo(Flag.FlagStatus.Active));
            Assert.That(purple.Code!.Coding[0].Code, Is.EqualTo("purple"));
            Assert.That(colour.Code!.Coding[0].Code, Is.EqualTo("green"), "purple is a flag beside the colour, never the colour");
            Assert.That(condition.Code!.Coding[0].Code, Is.EqualTo("p_infectious"));
            Assert.That(flags.Entry.Single().Resource!.Id, Is.EqualTo(purple.Id));
        });

        await Api.PostAsync($"/api/pregnancies/{id}/close", new System.Text.Json.Nodes.JsonObject { ["outcome"] = "miscarriage", ["date"] = FhirApi.Day(Clock.Today) }, HttpStatusCode.OK);
        var (closed, outcome, _) = await Fhir.PostAsync(Fhir.ResultsBundle(residentId, FhirApi.Loinc("718-7", 120, "g/L")));
        Assert.That(closed, Is.EqualTo(HttpStatusCode.Conflict), FhirJson.Serialize(outcome));
        Assert.That(((OperationOutcome)outcome).Issue[0].Code, Is.EqualTo(OperationOutcome.IssueType.Conflict));
        Assert.That(((OperationOutcome)outcome).Issue[0].Details!.Text, Is.Not.Empty, "the JSON API's code");
        Assert.That((await Fhir.GetAsync<Flag>($"/fhir/Flag/{id}")).Status, Is.EqualTo(Flag.FlagStatus.Inactive), "a closed pregnancy's colour is history");
    }

    /// <summary>A woman booked in the test township with a hospital's Hb and platelets posted for her.</summary>
    private async Task<(Guid Id, Guid WomanId, string ResidentId)> BookedWithResultsAsync()
    {
        var woman = Bookings.AWoman(weeks: 24);
        var id = await Api.BookAsync(woman);
        var residentId = woman["residentId"]!.GetValue<string>();
        var (status, answer, _) = await Fhir.PostAsync(Fhir.ResultsBundle(residentId, FhirApi.Loinc("718-7", 55, "g/L"), FhirApi.Loinc("777-3", 180, "10*9/L"), FhirApi.Finding("y_art")));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), FhirJson.Serialize(answer));
        var womanId = await ScalarAsync<Guid>("SELECT woman_id FROM pregnancies WHERE id = $1", id);
        return (id, womanId, residentId);
    }
}
