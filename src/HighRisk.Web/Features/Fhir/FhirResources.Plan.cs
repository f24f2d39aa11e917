using HighRisk.Features.Cases;
using Hl7.Fhir.Model;
using CarePlan = Hl7.Fhir.Model.CarePlan;
using ActivityStatus = Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Features.Fhir;

public static partial class FhirResources
{
    /// <summary>
    /// The case's management plan (个案管理计划), one CarePlan per version (id = the version's): the latest version of an open
    /// case is active, an earlier one revoked (replaced by the next), the latest of a closed case completed. Read through
    /// <see cref="GetCase"/>: a user who sees her only through a referral sees no plan.
    /// </summary>
    public static IEnumerable<CarePlan> CarePlans(FhirRecord record)
    {
        if (record.Case is not { } c)
        {
            yield break;
        }

        var plans = c.Plans.OrderBy(p => p.Version).ToList();
        for (var i = 0; i < plans.Count; i++)
        {
            yield return CarePlan(record, c, plans[i], i > 0 ? plans[i - 1] : null, i + 1 < plans.Count ? plans[i + 1] : null);
        }
    }

    private static CarePlan CarePlan(FhirRecord record, GetCase.Response c, CasePlan plan, CasePlan? previous, CasePlan? next)
    {
        var status = next is not null ? RequestStatus.Revoked : c.Status == CaseStatus.Open ? RequestStatus.Active : RequestStatus.Completed;
        var ended = next?.CreatedAt ?? (c.Status == CaseStatus.Closed ? c.ClosedAt : null);
        // The grade the plan was written for: the last change of it before the plan (or the grade now, if none is recorded).
        var grade = record.Pregnancy.GradeHistory.LastOrDefault(g => g.ChangedAt <= plan.CreatedAt)?.Id ?? record.Pregnancy.Id;
        return new CarePlan
        {
            Id = plan.Id.ToString(),
            Meta = Updated(ended ?? plan.CreatedAt),
            Replaces = previous is null ? [] : [new ResourceReference($"CarePlan/{previous.Id}")],
            Status = status,
            Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Plan,
            Category = [new CodeableConcept { Text = "高危孕产妇专案管理 (high-risk pregnancy case management)" }],
            Title = $"专案管理计划 第{plan.Version}版 (management plan, version {plan.Version})",
            Description = plan.TreatmentPlan,
            Subject = PatientOf(record),
            Period = new Period { Start = Instant(plan.CreatedAt), End = ended is { } end ? Instant(end) : null },
            Created = Instant(plan.CreatedAt),
            Author = new ResourceReference { Display = plan.Author },
            SupportingInfo = [new ResourceReference($"RiskAssessment/{grade}"), new ResourceReference($"EpisodeOfCare/{record.Pregnancy.Id}")],
            Activity = [.. Activities(c, plan, status)],
            Note = plan.LevelMismatches.Count == 0 ? [] : [new Annotation { Text = new Markdown($"级别不符 (level mismatch): {string.Join(", ", plan.LevelMismatches)}") }],
        };
    }

    /// <summary>Where she has care and delivers, the treatment and emergency plans, the next review, the continuation assessment, the PMTCT items.</summary>
    private static IEnumerable<Hl7.Fhir.Model.CarePlan.ActivityComponent> Activities(GetCase.Response c, CasePlan plan, RequestStatus status)
    {
        // HighRisk does not follow each activity: an active plan's are under way, a replaced plan's stopped, a closed case's unknown.
        ActivityStatus Now(ActivityStatus whileActive) =>
            status == RequestStatus.Active ? whileActive : status == RequestStatus.Revoked ? ActivityStatus.Stopped : ActivityStatus.Unknown;

        yield return Activity("产前保健 (antenatal care)", Now(ActivityStatus.InProgress), PlannedFacility(c, plan.CareFacilityCode));
        yield return Activity("分娩 (delivery)", Now(ActivityStatus.Scheduled), PlannedFacility(c, plan.DeliveryFacilityCode));
        yield return Activity($"治疗方案 (treatment plan): {plan.TreatmentPlan}", Now(ActivityStatus.InProgress));
        yield return Activity($"应急预案 (emergency plan): {plan.EmergencyPlan}", Now(ActivityStatus.InProgress));
        yield return Activity("专案评估 (next case review)", Now(ActivityStatus.Scheduled), scheduled: plan.NextReviewDate);
        if (plan.Continuation is { } a)
        {
            yield return Activity(
                $"妊娠风险评估（是否继续妊娠） (continuation assessment): {a.Outcome}; {a.Assessor} ({a.AssessorTitle})", ActivityStatus.Completed,
                PlannedFacility(c, a.FacilityCode), a.Date);
        }

        foreach (var item in plan.Pmtct)
        {
            var name = PmtctItems.All.Where(i => i.Code == item.Item).Select(i => $"{i.Zh} ({i.Code})").FirstOrDefault() ?? item.Item;
            yield return Activity($"PMTCT: {name}", item.DoneOn is null ? Now(ActivityStatus.NotStarted) : ActivityStatus.Completed, scheduled: item.DoneOn);
        }
    }

    private static Hl7.Fhir.Model.CarePlan.ActivityComponent Activity(string what, ActivityStatus status, ResourceReference? performer = null, DateOnly? scheduled = null) => new()
    {
        Detail = new Hl7.Fhir.Model.CarePlan.DetailComponent
        {
            Code = new CodeableConcept { Text = what.Split(':')[0] },
            Status = status,
            Description = what,
            Performer = performer is null ? [] : [performer],
            Scheduled = scheduled is { } day ? new Period { Start = Day(day), End = Day(day) } : null,
        },
    };

    /// <summary>A facility of the plan, with its name when HighRisk knows it.</summary>
    private static ResourceReference PlannedFacility(GetCase.Response c, string code)
    {
        var facility = Facility(code);
        facility.Display = c.Facilities.TryGetValue(code, out var facts) ? facts.Name : code;
        return facility;
    }

    /// <summary>A moment as a FHIR dateTime in Beijing time (the business day is its first ten characters).</summary>
    private static string Instant(DateTimeOffset at) => new FhirDateTime(at.ToOffset(TimeSpan.FromHours(8))).Value!;
}
