using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Features.Fhir;
using HighRisk.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Web.Tests.Fhir;

/// <summary>Results in: a hospital's transaction Bundle is one exam, graded as a typed exam is; a second post writes nothing; bad codes, units and values write nothing.</summary>
public class FhirResultsTests : ServiceFixture
{
    private FhirApi Fhir => new(this);

    [Test]
    public async Task BundleWithHb55_TurnsABookedWomanOrange_RiskAssessmentAndFlagReadBackOrangeWithTheObservationAsBasis()
    {
        var woman = Bookings.AWoman(weeks: 20);
        var id = await Api.BookAsync(woman);
        var (status, answer, _) = await Fhir.PostAsync(Fhir.ResultsBundle(woman["residentId"]!.GetValue<string>(), FhirApi.Loinc("718-7", 55, "g/L")));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), FhirJson.Serialize(answer));
        var response = (Bundle)answer;
        Assert.That(response.Type, Is.EqualTo(Bundle.BundleType.TransactionResponse));
        var location = response.Entry.Single().Response!.Location!;
        Assert.That(location, Does.StartWith("Observation/").And.EndWith("-hemoglobin"));

        var assessment = await Fhir.GetAsync<RiskAssessment>($"/fhir/RiskAssessment/{id}");
        var flag = await Fhir.GetAsync<Flag>($"/fhir/Flag/{id}");
        var observation = await Fhir.GetAsync<Hl7.Fhir.Model.Observation>($"/fhir/{location}");
        Assert.Multiple(() =>
        {
            Assert.That(assessment.Prediction[0].QualitativeRisk!.Coding[0].System, Is.EqualTo(FhirSystems.RiskColour));
            Assert.That(assessment.Prediction[0].QualitativeRisk!.Coding[0].Code, Is.EqualTo("orange"));
            Assert.That(assessment.Basis.Select(b => b.Reference), Does.Contain(location));
            Assert.That(assessment.Method!.Coding[0].Code, Does.StartWith("cn-nhfpc-2017@"));
            Assert.That(flag.Code!.Coding[0].Code, Is.EqualTo("orange"));
            Assert.That(flag.Status, Is.EqualTo(Flag.FlagStatus.Active));
            Assert.That(observation.Code!.Coding[0].Code, Is.EqualTo("718-7"));
            Assert.That(((Quantity)observation.Value!).Value, Is.EqualTo(55m));
            Assert.That(((Quantity)observation.Value!).Code, Is.EqualTo("g/L"));
        });

        // The same exam typed into the JSON API grades her the same way: one rule, one command.
        var typed = await Api.BookAsync(Bookings.AWoman(weeks: 20));
        await Api.ExamAsync(typed, Bookings.AnExam(measurements: new JsonObject { ["hemoglobin"] = 55 }));
        var (_, viaFhir) = await Api.GetAsync($"/api/pregnancies/{id}");
        var (_, viaApi) = await Api.GetAsync($"/api/pregnancies/{typed}");
        Assert.Multiple(() =>
        {
            Assert.That(viaFhir!["grade"]!.GetValue<string>(), Is.EqualTo("orange"));
            Assert.That(viaFhir["exams"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(Ids(viaFhir["factors"]), Is.EqualTo(Ids(viaApi!["factors"])));
            Assert.That(viaFhir["gradeHistory"]!.AsArray(), Has.Count.EqualTo(viaApi["gradeHistory"]!.AsArray().Count));
            Assert.That(viaFhir["schedule"]!["nextDueDate"]!.ToJsonString(), Is.EqualTo(viaApi["schedule"]!["nextDueDate"]!.ToJsonString()));
        });
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM alerts WHERE pregnancy_id = $1", id),
            Is.EqualTo(await ScalarAsync<long>("SELECT count(*) FROM alerts WHERE pregnancy_id = $1", typed)), "the same alerts");
    }

    [Test]
    public async Task ABundleTurningHerRed_RaisesTheRedAlertAndItsSms_AsDocsFhirShows()
    {
        var woman = Bookings.AWoman(weeks: 24);
        var id = await Api.BookAsync(woman);
        var panel = FhirApi.Loinc(ObservationCodes.BloodPressurePanel, 0, "mm[Hg]");
        panel.Remove("valueQuantity");
        panel["component"] = new JsonArray(
            new JsonObject { ["code"] = Code("8480-6"), ["valueQuantity"] = Mmhg(118) },
            new JsonObject { ["code"] = Code("8462-4"), ["valueQuantity"] = Mmhg(76) });
        var (status, answer, _) = await Fhir.PostAsync(Fhir.ResultsBundle(woman["residentId"]!.GetValue<string>(), panel, FhirApi.Loinc("718-7", 38, "g/L")));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), FhirJson.Serialize(answer));
        var entries = ((Bundle)answer).Entry;
        Assert.That(((OperationOutcome)entries[0].Response!.Outcome!).Issue[0].Diagnostics, Does.StartWith("Graded red (was green)"));
        var systolic = await Fhir.GetAsync<Hl7.Fhir.Model.Observation>($"/fhir/{entries[0].Response!.Location}");
        var diastolic = await Fhir.GetAsync<Hl7.Fhir.Model.Observation>($"/fhir/{entries[0].Response!.Location!.Replace("systolicBp", "diastolicBp", StringComparison.Ordinal)}");
        Assert.That(((Quantity)systolic.Value!).Value, Is.EqualTo(118m));
        Assert.That(((Quantity)diastolic.Value!).Value, Is.EqualTo(76m));

        var (_, alerts) = await Api.GetAsync($"/api/alerts?pregnancyId={id}");
        var alert = alerts!["items"]!.AsArray().Single()!;
        Assert.That(alert["messages"]![0]!["text"]!.GetValue<string>(), Does.Contain("红色预警").And.Contain("血红蛋白38g/L"));
        await Api.RunJobAsync("sms-delivery");
        Assert.That(await EventuallyAsync("SELECT bool_and(status = 'Sent') AND count(*) >= 1 FROM sms_messages WHERE alert_id = $1", alert["id"]!.GetValue<Guid>()), Is.True);
    }

    [Test]
    public async Task ABundleNamingHerEpisodeOfCareInAnEncounter_IsOneExamDatedAndSignedByTheEncounter()
    {
        var id = await Api.BookAsync(Bookings.AWoman(weeks: 30));
        var day = Clock.Today.AddDays(-2);
        var encounter = new JsonObject
        {
            ["resourceType"] = "Encounter",
            ["status"] = "finished",
            ["class"] = new JsonObject { ["system"] = FhirSystems.ActCode, ["code"] = "AMB" },
            ["episodeOfCare"] = new JsonArray(new JsonObject { ["reference"] = $"EpisodeOfCare/{id}" }),
            ["period"] = new JsonObject { ["start"] = FhirApi.Day(day) },
            ["serviceProvider"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = FhirSystems.FacilityCode, ["value"] = Bookings.Facility } },
            ["participant"] = new JsonArray(new JsonObject { ["individual"] = new JsonObject { ["display"] = "张医生" } }),
        };
        var glucose = FhirApi.Loinc("14771-0", 5.1m, "mmol/L");
        glucose["effectiveDateTime"] = $"{FhirApi.Day(day)}T23:30:00+08:00";
        var bundle = Fhir.ResultsBundle("unused", encounter, glucose);
        foreach (var entry in bundle["entry"]!.AsArray())
        {
            entry!["resource"]!.AsObject().Remove("subject");
        }

        var (status, answer, _) = await Fhir.PostAsync(bundle);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), FhirJson.Serialize(answer));
        var locations = ((Bundle)answer).Entry.Select(e => e.Response!.Location).ToList();
        var (_, record) = await Api.GetAsync($"/api/pregnancies/{id}");
        var exam = record!["exams"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(locations, Is.EqualTo(new[] { $"Encounter/{exam["id"]}", $"Observation/{exam["id"]}-fastingGlucose" }));
            Assert.That(exam["examiner"]!.GetValue<string>(), Is.EqualTo("张医生"));
            Assert.That(exam["examDate"]!.GetValue<string>(), Is.EqualTo(FhirApi.Day(day)));
            Assert.That(exam["measurements"]!["fastingGlucose"]!.GetValue<decimal>(), Is.EqualTo(5.1m));
        });

        var read = await Fhir.GetAsync<Encounter>($"/fhir/{locations[0]}");
        Assert.That(read.EpisodeOfCare.Single().Reference, Is.EqualTo($"EpisodeOfCare/{id}"));
    }

    [Test]
    public async Task TheSameBundleTwice_TheSecondWritesNothing()
    {
        var woman = Bookings.AWoman(weeks: 24);
        var id = await Api.BookAsync(woman);
        var bundle = Fhir.ResultsBundle(woman["residentId"]!.GetValue<string>(), FhirApi.Loinc("718-7", 55, "g/L"), FhirApi.Loinc("777-3", 180, "10*9/L"));
        var (first, firstAnswer, _) = await Fhir.PostAsync(bundle);
        Assert.That(first, Is.EqualTo(HttpStatusCode.OK), FhirJson.Serialize(firstAnswer));
        var writes = await WritesAsync(id);

        var (second, secondAnswer, response) = await Fhir.PostAsync(bundle);
        Assert.Multiple(async () =>
        {
            Assert.That(second, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
            Assert.That(secondAnswer.IsExactly(firstAnswer), Is.True, "the first answer again");
            Assert.That(await WritesAsync(id), Is.EqualTo(writes), "no exam, grade change, alert or audit line written");
        });

        // A sender that makes new urn:uuid fullUrls for its retry sends the same Bundle.
        var resent = bundle.DeepClone().AsObject();
        resent["entry"]![0]!["fullUrl"] = $"urn:uuid:{Guid.NewGuid()}";
        var (third, thirdAnswer, _) = await Fhir.PostAsync(resent);
        Assert.That(third, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(thirdAnswer.IsExactly(firstAnswer), Is.True);
        Assert.That(await WritesAsync(id), Is.EqualTo(writes));

        // Another Bundle under a used identifier is refused, not taken for a retry.
        var changed = bundle.DeepClone().AsObject();
        changed["entry"]![0]!["resource"]!["valueQuantity"]!["value"] = 56;
        var (status, outcome, _) = await Fhir.PostAsync(changed);
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(((OperationOutcome)outcome).Issue[0].Expression, Is.EqualTo(new[] { "Bundle.identifier" }));
        Assert.That(await WritesAsync(id), Is.EqualTo(writes));
    }

    [TestCase("2345-7", 5.5, "mmol/L", "Bundle.entry[1].resource.code", TestName = "AnUnknownLoincCode_Is422NamingTheEntry_NothingWritten")]
    [TestCase("777-3", 180, "g/L", "Bundle.entry[1].resource.valueQuantity.code", TestName = "PlateletsInTheWrongUnit_Is422NamingTheEntry_NothingWritten")]
    [TestCase("777-3", 5000, "10*9/L", "Bundle.entry[1].resource.valueQuantity.value", TestName = "PlateletsOutsideThePlausibleRange_Is422NamingTheEntry_NothingWritten")]
    [TestCase("8480-6", 120, "mm[Hg]", "Bundle.entry[1].resource.valueQuantity.value", TestName = "HalfABloodPressure_Is422NamingTheEntry_NothingWritten")]
    public async Task ABadEntry_Is422NamingIt_NothingWritten(string code, decimal value, string unit, string element)
    {
        var woman = Bookings.AWoman(weeks: 24);
        var id = await Api.BookAsync(woman);
        var writes = await WritesAsync(id);
        var bundle = Fhir.ResultsBundle(woman["residentId"]!.GetValue<string>(), FhirApi.Loinc("718-7", 55, "g/L"), FhirApi.Loinc(code, value, unit));

        var (status, answer, _) = await Fhir.PostAsync(bundle);
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), FhirJson.Serialize(answer));
        var issue = ((OperationOutcome)answer).Issue.Single();
        Assert.That(issue.Expression, Is.EqualTo(new[] { element }), issue.Diagnostics);
        Assert.That(await WritesAsync(id), Is.EqualTo(writes), "nothing written");

        // Corrected, the same identifier is free: the refused post claimed nothing.
        bundle["entry"]!.AsArray().RemoveAt(1);
        var (corrected, _, _) = await Fhir.PostAsync(bundle);
        Assert.That(corrected, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnUnreadableBundle_Is400NamingWhere()
    {
        using var content = new StringContent("""{"resourceType":"Bundle","type":"transaction","colour":"red"}""", System.Text.Encoding.UTF8, FhirJson.MediaType);
        using var response = await Client.PostAsync(new Uri("/fhir", UriKind.Relative), content);
        var outcome = (OperationOutcome)FhirConformance.ParseAndValidate(await response.Content.ReadAsStringAsync(), "400");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(outcome.Issue[0].Expression.Single(), Does.StartWith("Bundle"));
        Assert.That(outcome.Issue[0].Diagnostics, Does.Contain("colour"));
    }

    [Test]
    public async Task ABundleForAWomanOfAnotherCounty_Is404()
    {
        var woman = Bookings.AWoman(weeks: 24);
        await Api.BookAsync(woman);
        var (status, answer, _) = await Fhir.PostAsync(Fhir.ResultsBundle(woman["residentId"]!.GetValue<string>(), FhirApi.Loinc("718-7", 55, "g/L")), Clients["other-county"]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(((OperationOutcome)answer).Issue[0].Expression.Single(), Is.EqualTo("Bundle.entry[0].resource.subject.identifier.value"));
    }

    private async Task<string> WritesAsync(Guid id) =>
        $"{await ScalarAsync<long>("SELECT count(*) FROM exams WHERE pregnancy_id = $1", id)} exams, " +
        $"{await ScalarAsync<long>("SELECT count(*) FROM grade_changes WHERE pregnancy_id = $1", id)} grade changes, " +
        $"{await ScalarAsync<long>("SELECT count(*) FROM alerts WHERE pregnancy_id = $1", id)} alerts, " +
        $"{await ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE entity_id = $1", id.ToString())} audit lines";

    private static JsonObject Code(string loinc) => new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = FhirSystems.Loinc, ["code"] = loinc }) };

    private static JsonObject Mmhg(int value) => new() { ["value"] = value, ["unit"] = "mm[Hg]", ["system"] = FhirSystems.Ucum, ["code"] = "mm[Hg]" };

    private static List<string> Ids(JsonNode? factors) => [.. factors!.AsArray().Select(f => f!["id"]!.GetValue<string>())];
}
