using System.Globalization;
using HighRisk.Features.Pregnancies;
using HighRisk.Rules;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Features.Fhir;

/// <summary>The JSON API's pregnancy record as FHIR R4 resources (ids: <see cref="FhirIds"/>).</summary>
public static partial class FhirResources
{
    public static readonly string[] Types = ["Patient", "EpisodeOfCare", "Encounter", "Observation", "Condition", "RiskAssessment", "Flag", "CarePlan", "ServiceRequest", "Task"];

    /// <summary>Every resource of one type made from one pregnancy record.</summary>
    public static IEnumerable<Resource> Of(string type, FhirRecord record) => type switch
    {
        "Patient" => [Patient([record])],
        "EpisodeOfCare" => [EpisodeOfCare(record)],
        "Encounter" => record.Pregnancy.Exams.Select(e => Encounter(record, e)),
        "Observation" => record.Pregnancy.Exams.SelectMany(e => Observations(record, e)),
        "Condition" => Conditions(record),
        "RiskAssessment" => RiskAssessments(record),
        "Flag" => Flags(record),
        "CarePlan" => CarePlans(record),
        "ServiceRequest" => record.Pregnancy.Referrals.Select(r => ReferralRequest(record, r)),
        "Task" => record.Pregnancy.Referrals.Select(r => ReferralTask(record, r)),
        _ => [],
    };

    /// <summary>The woman, from her newest pregnancy record; her numbers as masked (or not) for the user by the JSON API.</summary>
    public static Patient Patient(IReadOnlyList<FhirRecord> records)
    {
        var newest = records[0];
        var woman = newest.Pregnancy.Woman;
        return new Patient
        {
            Id = newest.WomanId.ToString(),
            Meta = Updated(records.Max(r => r.Pregnancy.BookedAt)),
            Identifier = [new Identifier(FhirSystems.ResidentId, woman.ResidentId)],
            Name = [new HumanName { Text = woman.FullName }],
            Gender = AdministrativeGender.Female,
            BirthDate = Day(woman.BirthDate),
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, woman.Mobile)],
            Address = [new Address { Text = newest.Pregnancy.Address, District = newest.Pregnancy.DivisionName }],
        };
    }

    public static EpisodeOfCare EpisodeOfCare(FhirRecord record)
    {
        var p = record.Pregnancy;
        return new EpisodeOfCare
        {
            Id = p.Id.ToString(),
            Meta = Updated(Latest(p)),
            Status = p.Status == PregnancyStatus.Open ? Hl7.Fhir.Model.EpisodeOfCare.EpisodeOfCareStatus.Active : Hl7.Fhir.Model.EpisodeOfCare.EpisodeOfCareStatus.Finished,
            Type = [new CodeableConcept { Text = "孕产期保健 (antenatal and postpartum care)" }],
            Patient = PatientOf(record),
            ManagingOrganization = Facility(p.FacilityCode),
            Period = new Period { Start = Day(p.BookingDate), End = p.Status == PregnancyStatus.Open || p.OutcomeDate is null ? null : Day(p.OutcomeDate.Value) },
            CareManager = new ResourceReference { Display = p.HealthWorker },
            ReferralRequest = [.. p.Referrals.Select(r => new ResourceReference
            {
                Reference = $"ServiceRequest/{r.Id}",
                Display = string.Create(CultureInfo.InvariantCulture, $"转诊 {r.ReferredOn:yyyy-MM-dd} → {r.ToFacilityCode}: {r.Status}"),
            })],
        };
    }

    public static Encounter Encounter(FhirRecord record, GetPregnancy.ExamView exam) => new()
    {
        Id = exam.Id.ToString(),
        Meta = Updated(exam.RecordedAt),
        Status = Hl7.Fhir.Model.Encounter.EncounterStatus.Finished,
        Class = new Coding(FhirSystems.ActCode, "AMB", "ambulatory"),
        Type = [new CodeableConcept { Text = exam.PostpartumDay is null ? "产检 (antenatal exam)" : "产后访视 (postpartum visit)" }],
        Subject = PatientOf(record),
        EpisodeOfCare = [new ResourceReference($"EpisodeOfCare/{record.Pregnancy.Id}")],
        Period = new Period { Start = Day(exam.ExamDate), End = Day(exam.ExamDate) },
        ServiceProvider = Facility(exam.FacilityCode),
        Participant = [new Hl7.Fhir.Model.Encounter.ParticipantComponent { Individual = new ResourceReference { Display = exam.Examiner } }],
    };

    public static IEnumerable<Hl7.Fhir.Model.Observation> Observations(FhirRecord record, GetPregnancy.ExamView exam)
    {
        foreach (var (name, value) in exam.Measurements)
        {
            if (!ObservationCodes.TryOf(name, out var code))
            {
                continue;
            }

            var info = code.Info;
            yield return new Hl7.Fhir.Model.Observation
            {
                Id = FhirIds.Measurement(exam.Id, name),
                Meta = Updated(exam.RecordedAt),
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept(FhirSystems.ObservationCategory, code.Category)],
                Code = new CodeableConcept(code.System, code.Code, $"{info.NameEn} ({info.NameZh})", null),
                Subject = PatientOf(record),
                Encounter = new ResourceReference($"Encounter/{exam.Id}"),
                Effective = new FhirDateTime(exam.ExamDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Performer = [Facility(exam.FacilityCode)],
                Value = code.Unit is null
                    ? new FhirString(value.ToString())
                    : new Quantity { Value = (decimal)value, Unit = info.Unit, System = FhirSystems.Ucum, Code = code.Unit },
            };
        }
    }

    /// <summary>Coded findings: those of the booking (ids on the pregnancy) and of each exam; resolved once a later exam resolves them.</summary>
    public static IEnumerable<Condition> Conditions(FhirRecord record)
    {
        var p = record.Pregnancy;
        var resolved = p.Exams.SelectMany(e => e.Resolved.Select(r => (r.Id, e.ExamDate))).ToList();
        for (var i = 0; i < p.Findings.Count; i++)
        {
            yield return Condition(record, FhirIds.Finding(p.Id, i), p.Findings[i], p.BookingDate, p.BookedAt, null, resolved);
        }

        foreach (var exam in p.Exams)
        {
            for (var i = 0; i < exam.Findings.Count; i++)
            {
                yield return Condition(record, FhirIds.Finding(exam.Id, i), exam.Findings[i], exam.ExamDate, exam.RecordedAt, exam.Id, resolved);
            }
        }
    }

    private static Condition Condition(
        FhirRecord record, string id, string finding, DateOnly date, DateTimeOffset recordedAt, Guid? examId, List<(string Id, DateOnly Date)> resolved)
    {
        var isResolved = resolved.Any(r => r.Id == finding && r.Date >= date);
        var factor = record.Pregnancy.Factors.FirstOrDefault(f => f.Id == finding);
        return new Condition
        {
            Id = id,
            Meta = Updated(recordedAt),
            ClinicalStatus = new CodeableConcept(FhirSystems.ConditionClinical, isResolved ? "resolved" : "active"),
            VerificationStatus = new CodeableConcept(FhirSystems.ConditionVerification, "confirmed"),
            Category = [new CodeableConcept(FhirSystems.ConditionCategory, "encounter-diagnosis")],
            Code = new CodeableConcept(FhirSystems.RiskFactor, finding, factor is null ? null : $"{factor.NameZh} ({factor.NameEn})", null),
            Subject = PatientOf(record),
            Encounter = examId is { } exam ? new ResourceReference($"Encounter/{exam}") : null,
            RecordedDate = Day(date),
        };
    }

    private static ResourceReference PatientOf(FhirRecord record) => new($"Patient/{record.WomanId}");

    /// <summary>A facility by its code (HighRisk serves no Organization resources): a logical reference.</summary>
    private static ResourceReference Facility(string code) => new() { Identifier = new Identifier(FhirSystems.FacilityCode, code), Display = code };

    private static DateTimeOffset Latest(GetPregnancy.Response p) =>
        new[] { p.BookedAt, p.GradedAt }.Concat(p.Exams.Select(e => e.RecordedAt)).Concat(p.FollowUps.Select(f => f.RecordedAt)).Max();

    private static Meta Updated(DateTimeOffset at) => new() { LastUpdated = at };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
