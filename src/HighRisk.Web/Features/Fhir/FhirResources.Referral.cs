using HighRisk.Features.Referrals;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Features.Fhir;

public static partial class FhirResources
{
    /// <summary>
    /// A referral (双向转诊) as what was asked: a ServiceRequest (id = the referral's) ordered of the receiving facility,
    /// with its urgency as priority and the reason.
    /// </summary>
    public static ServiceRequest ReferralRequest(FhirRecord record, ReferralSummary r) => new()
    {
        Id = r.Id.ToString(),
        Meta = Updated(ReferralUpdated(r)),
        Status = r.Status switch
        {
            ReferralStatus.Completed => RequestStatus.Completed,
            ReferralStatus.Declined or ReferralStatus.Cancelled => RequestStatus.Revoked,
            _ => RequestStatus.Active,
        },
        Intent = RequestIntent.Order,
        Category = [new CodeableConcept { Text = "转诊 (referral)" }],
        Priority = Priority(r.Urgency),
        Code = new CodeableConcept { Text = "双向转诊 (two-way referral)" },
        Subject = PatientOf(record),
        AuthoredOn = Instant(r.RequestedAt),
        Requester = r.FromFacilityCode is { } from ? Facility(from) : new ResourceReference { Display = r.ReferredBy },
        Performer = [Facility(r.ToFacilityCode)],
        ReasonCode = [new CodeableConcept { Text = r.Reason }],
        SupportingInfo = [new ResourceReference($"EpisodeOfCare/{r.PregnancyId}")],
        Note = r.Note is { } note ? [new Annotation { Text = new Markdown(note) }] : [],
    };

    /// <summary>
    /// The same referral as the work it asks of the receiving facility: a Task (id = the referral's) whose status follows
    /// the referral (requested, accepted, rejected when declined, in-progress once she arrived, completed, cancelled),
    /// focused on the ServiceRequest, owned by the receiving facility; once completed, the feedback is its output.
    /// </summary>
    public static FhirTask ReferralTask(FhirRecord record, ReferralSummary r) => new()
    {
        Id = r.Id.ToString(),
        Meta = Updated(ReferralUpdated(r)),
        Status = r.Status switch
        {
            ReferralStatus.Requested => FhirTask.TaskStatus.Requested,
            ReferralStatus.Accepted => FhirTask.TaskStatus.Accepted,
            ReferralStatus.Declined => FhirTask.TaskStatus.Rejected,
            ReferralStatus.Arrived => FhirTask.TaskStatus.InProgress,
            ReferralStatus.Completed => FhirTask.TaskStatus.Completed,
            _ => FhirTask.TaskStatus.Cancelled,
        },
        StatusReason = (r.DeclineReason ?? r.CancelReason) is { } why ? new CodeableConcept { Text = why } : null,
        Intent = FhirTask.TaskIntent.Order,
        Priority = Priority(r.Urgency),
        Code = new CodeableConcept { Text = "接诊转诊 (receive the referral)" },
        Focus = new ResourceReference($"ServiceRequest/{r.Id}"),
        For = PatientOf(record),
        AuthoredOn = Instant(r.RequestedAt),
        LastModified = Instant(ReferralUpdated(r)),
        Requester = r.FromFacilityCode is { } from ? Facility(from) : new ResourceReference { Display = r.ReferredBy },
        Owner = Facility(r.ToFacilityCode),
        ExecutionPeriod = r.ArrivedOn is null && r.CompletedOn is null ? null
            : new Period { Start = r.ArrivedOn is { } arrived ? Day(arrived) : null, End = r.CompletedOn is { } done ? Day(done) : null },
        Output = r.Status == ReferralStatus.Completed ? [.. Feedback(r)] : [],
    };

    private static IEnumerable<FhirTask.OutputComponent> Feedback(ReferralSummary r)
    {
        foreach (var (name, value) in new[] { ("诊断/检查结果 (findings)", r.Findings), ("处理 (treatment)", r.Treatment), ("建议 (advice)", r.Advice) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return new FhirTask.OutputComponent { Type = new CodeableConcept { Text = name }, Value = new FhirString(value) };
            }
        }

        if (r.FollowUpOn is { } on)
        {
            yield return new FhirTask.OutputComponent { Type = new CodeableConcept { Text = "下次随访 (follow-up on)" }, Value = new Date(Day(on)) };
        }
    }

    private static RequestPriority Priority(ReferralUrgency urgency) => urgency switch
    {
        ReferralUrgency.Emergency => RequestPriority.Stat,
        ReferralUrgency.Urgent => RequestPriority.Urgent,
        _ => RequestPriority.Routine,
    };

    /// <summary>The last step the summary records: the request, the acceptance, or the start (Beijing time) of the day she arrived or it was completed.</summary>
    private static DateTimeOffset ReferralUpdated(ReferralSummary r) =>
        new[] { r.RequestedAt, r.AcceptedAt ?? r.RequestedAt, StartOf(r.ArrivedOn) ?? r.RequestedAt, StartOf(r.CompletedOn) ?? r.RequestedAt }.Max();

    private static DateTimeOffset? StartOf(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) : null;
}
