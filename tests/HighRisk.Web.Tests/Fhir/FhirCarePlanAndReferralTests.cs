using System.Net;
using System.Text.Json.Nodes;
using HighRisk.Features.Fhir;
using HighRisk.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Web.Tests.Fhir;

/// <summary>The management plan as CarePlans and a referral as a ServiceRequest with its Task, read and searched through /fhir.</summary>
public class FhirCarePlanAndReferralTests : ServiceFixture
{
    /// <summary>岳塘区妇幼保健计划生育服务中心: a county critical care centre outside Yuhu, where the tests' women live.</summary>
    private const string Centre = "430304-MCH";

    private FhirApi Fhir => new(this);

    [Test]
    public async Task ARedWomansPlan_IsACarePlanFoundByPatient_ANewVersionReplacesIt_AndAnotherCountyGets404()
    {
        var (id, womanId) = await RedWomanAsync();
        var caseId = (await Api.GetAsync($"/api/pregnancies/{id}")).Body!["caseId"]!.GetValue<Guid>();
        var none = await Fhir.GetAsync<Bundle>($"/fhir/CarePlan?patient=Patient/{womanId}");
        Assert.That(none.Entry, Is.Empty, "a case without a plan has no CarePlan");

        await Api.PostAsync($"/api/cases/{caseId}/plans", APlan("每周产检，监测肺动脉压"), HttpStatusCode.Created, Clients["county"]);
        await Api.PostAsync($"/api/cases/{caseId}/plans", APlan("每周产检，心内科会诊"), HttpStatusCode.Created, Clients["county"]);
        var (_, whole) = await Api.GetAsync($"/api/cases/{caseId}", Clients["county"]);
        var planIds = whole!["plans"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>().ToString()).ToList();

        var found = await Fhir.GetAsync<Bundle>($"/fhir/CarePlan?patient=Patient/{womanId}");
        var plans = found.Entry.Select(e => (CarePlan)e.Resource!).ToList();
        Assert.That(plans.Select(p => p.Id), Is.EquivalentTo(planIds), "one CarePlan per version of the plan");
        var latest = plans.Single(p => p.Status == RequestStatus.Active);
        var earlier = plans.Single(p => p.Status == RequestStatus.Revoked);
        var read = await Fhir.GetAsync<CarePlan>($"/fhir/CarePlan/{latest.Id}");
        var active = await Fhir.GetAsync<Bundle>($"/fhir/CarePlan?episode-of-care=EpisodeOfCare/{id}&status=active");
        var grade = await Fhir.GetAsync<RiskAssessment>($"/fhir/{read.SupportingInfo.First(s => s.Reference!.StartsWith("RiskAssessment/", StringComparison.Ordinal)).Reference}");
        Assert.Multiple(() =>
        {
            Assert.That(read.Intent, Is.EqualTo(CarePlan.CarePlanIntent.Plan));
            Assert.That(read.Subject!.Reference, Is.EqualTo($"Patient/{womanId}"));
            Assert.That(read.Description, Is.EqualTo("每周产检，心内科会诊"));
            Assert.That(read.Replaces.Single().Reference, Is.EqualTo($"CarePlan/{earlier.Id}"));
            Assert.That(read.Activity.SelectMany(a => a.Detail!.Performer).Select(p => p.Identifier!.Value), Does.Contain("4303-MCH"), "the delivery facility");
            Assert.That(read.Activity.Select(a => a.Detail!.Description), Has.Some.Contains("绿色通道"), "the emergency plan");
            Assert.That(active.Entry.Single().Resource!.Id, Is.EqualTo(latest.Id));
            Assert.That(grade.Prediction[0].QualitativeRisk!.Coding[0].Code, Is.EqualTo("red"), "the plan points at the grade it was written for");
        });

        var (status, outcome) = await Fhir.GetAsync($"/fhir/CarePlan/{latest.Id}", Clients["other-county"]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(((OperationOutcome)outcome).Issue[0].Code, Is.EqualTo(OperationOutcome.IssueType.NotFound));
        var outside = await Fhir.GetAsync<Bundle>($"/fhir/CarePlan?patient=Patient/{womanId}", Clients["other-county"]);
        Assert.That(outside.Entry, Is.Empty);
    }

    [Test]
    public async Task AReferral_IsAServiceRequestAndATask_WhoseStatusFollowsAcceptAndComplete()
    {
        var (id, womanId) = await RedWomanAsync();
        var centre = await NewUserAsync("healthWorker", null, Centre);
        var referral = new JsonObject { ["toFacilityCode"] = Centre, ["urgency"] = "urgent", ["reason"] = "肺动脉高压，转上级评估", ["note"] = "已电话联系" };
        var referred = await Api.PostAsync($"/api/pregnancies/{id}/referrals", referral, HttpStatusCode.Created, Clients["township"]);
        var referralId = referred!["referralId"]!.GetValue<Guid>();

        var requests = await Fhir.GetAsync<Bundle>($"/fhir/ServiceRequest?patient=Patient/{womanId}");
        var request = (ServiceRequest)requests.Entry.Single().Resource!;
        var requested = await Fhir.GetAsync<FhirTask>($"/fhir/Task/{referralId}");
        var episode = await Fhir.GetAsync<EpisodeOfCare>($"/fhir/EpisodeOfCare/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(request.Id, Is.EqualTo(referralId.ToString()));
            Assert.That(request.Intent, Is.EqualTo(RequestIntent.Order));
            Assert.That(request.Priority, Is.EqualTo(RequestPriority.Urgent));
            Assert.That(request.Subject!.Reference, Is.EqualTo($"Patient/{womanId}"));
            Assert.That(request.ReasonCode.Single().Text, Is.EqualTo("肺动脉高压，转上级评估"));
            Assert.That(request.Performer.Single().Identifier!.Value, Is.EqualTo(Centre));
            Assert.That(request.Performer.Single().Identifier!.System, Is.EqualTo(FhirSystems.FacilityCode));
            Assert.That(requested.Status, Is.EqualTo(FhirTask.TaskStatus.Requested));
            Assert.That(requested.Focus!.Reference, Is.EqualTo($"ServiceRequest/{referralId}"));
            Assert.That(requested.For!.Reference, Is.EqualTo($"Patient/{womanId}"));
            Assert.That(requested.Owner!.Identifier!.Value, Is.EqualTo(Centre));
            Assert.That(requested.Output, Is.Empty);
            Assert.That(episode.ReferralRequest.Single().Reference, Is.EqualTo($"ServiceRequest/{referralId}"));
        });

        await Api.PostAsync($"/api/referrals/{referralId}/accept", null, HttpStatusCode.OK, centre);
        var accepted = await Fhir.GetAsync<Bundle>($"/fhir/Task?episode-of-care=EpisodeOfCare/{id}&status=accepted");
        Assert.That(accepted.Entry.Single().Resource!.Id, Is.EqualTo(referralId.ToString()), "accepted");

        await Api.PostAsync($"/api/referrals/{referralId}/arrive", new JsonObject { ["date"] = FhirApi.Day(Clock.Today) }, HttpStatusCode.OK, centre);
        Assert.That((await Fhir.GetAsync<FhirTask>($"/fhir/Task/{referralId}")).Status, Is.EqualTo(FhirTask.TaskStatus.InProgress), "she arrived");
        var feedback = new JsonObject
        {
            ["findings"] = "肺动脉压 40 mmHg，心功能 I 级", ["treatment"] = "无需住院", ["advice"] = "每两周产检", ["followUpOn"] = FhirApi.Day(Clock.Today.AddDays(10)),
        };
        await Api.PostAsync($"/api/referrals/{referralId}/complete", feedback, HttpStatusCode.OK, centre);

        var completed = await Fhir.GetAsync<FhirTask>($"/fhir/Task/{referralId}");
        var done = await Fhir.GetAsync<ServiceRequest>($"/fhir/ServiceRequest/{referralId}");
        var byFocus = await Fhir.GetAsync<Bundle>($"/fhir/Task?patient={womanId}&focus=ServiceRequest/{referralId}");
        Assert.Multiple(() =>
        {
            Assert.That(completed.Status, Is.EqualTo(FhirTask.TaskStatus.Completed));
            Assert.That(completed.Output.Select(o => (o.Value as FhirString)?.Value), Does.Contain("肺动脉压 40 mmHg，心功能 I 级"), "the findings are the output");
            Assert.That(done.Status, Is.EqualTo(RequestStatus.Completed));
            Assert.That(byFocus.Entry.Single().Resource!.Id, Is.EqualTo(referralId.ToString()));
        });

        foreach (var path in new[] { $"/fhir/ServiceRequest/{referralId}", $"/fhir/Task/{referralId}" })
        {
            var (status, _) = await Fhir.GetAsync(path, Clients["other-county"]);
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound), path);
        }

        Assert.That((await Fhir.GetAsync<Bundle>($"/fhir/Task?patient=Patient/{womanId}", Clients["other-county"])).Entry, Is.Empty);
    }

    /// <summary>A woman booked in the test township, turned red by an exam (a case opens).</summary>
    private async Task<(Guid Id, Guid WomanId)> RedWomanAsync()
    {
        var id = await Api.BookAsync(Bookings.AWoman(28));
        var exam = await Api.ExamAsync(id, Bookings.AnExam(measurements: new JsonObject { ["pulmonaryArteryPressure"] = 55 }));
        Assert.That(exam["grade"]!.GetValue<string>(), Is.EqualTo("red"));
        return (id, await ScalarAsync<Guid>("SELECT woman_id FROM pregnancies WHERE id = $1", id));
    }

    private JsonObject APlan(string treatment) => new()
    {
        ["careFacilityCode"] = "430302-MCH",
        ["deliveryFacilityCode"] = "4303-MCH",
        ["treatmentPlan"] = treatment,
        ["emergencyPlan"] = "出现呼吸困难立即经绿色通道转市妇幼保健院",
        ["nextReviewDate"] = FhirApi.Day(Clock.Today.AddDays(14)),
    };
}
