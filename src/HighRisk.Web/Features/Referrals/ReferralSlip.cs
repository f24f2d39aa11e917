using HighRisk.Features.Cases;
using HighRisk.Features.Pregnancies;
using HighRisk.Rules;

namespace HighRisk.Features.Referrals;

/// <summary>
/// 双向转诊单: the clinical summary made at the moment of referral and kept as it was — her colour and factors with their
/// evidence, the latest exam's values and findings, the open management plan if any. Who she is (name, numbers) is read
/// from her record when shown, masked for the reader's role.
/// </summary>
public sealed record ReferralSlip(
    string Colour, bool Purple, IReadOnlyList<ActiveFactor> Factors, string? CatalogueVersion, GestationalAge GestationalAge, DateOnly Edd,
    ReferralSlip.ExamSummary? LatestExam, ReferralSlip.PlanSummary? Plan)
{
    public sealed record ExamSummary(Guid Id, DateOnly Date, string FacilityCode, Dictionary<string, decimal> Measurements, IReadOnlyList<string> Findings);

    public sealed record PlanSummary(
        int Version, string CareFacilityCode, string DeliveryFacilityCode, string TreatmentPlan, string EmergencyPlan, DateOnly NextReviewDate, string Author);

    /// <summary>The summary of a pregnancy (loaded with its exams) and her open case's latest plan, on the day of referral.</summary>
    public static ReferralSlip Of(Pregnancy pregnancy, CasePlan? openPlan, DateOnly on)
    {
        var exam = pregnancy.Exams.OrderByDescending(e => e.ExamDate).ThenByDescending(e => e.RecordedAt).FirstOrDefault();
        return new ReferralSlip(
            pregnancy.Grade.ToApiName(), pregnancy.Purple, pregnancy.Factors, pregnancy.CatalogueVersion,
            GestationalAge.FromLmp(pregnancy.Lmp, on < pregnancy.Lmp ? pregnancy.Lmp : on), pregnancy.Edd,
            exam is null ? null : new ExamSummary(exam.Id, exam.ExamDate, exam.FacilityCode, exam.Measurements, exam.Findings),
            openPlan is null ? null : new PlanSummary(
                openPlan.Version, openPlan.CareFacilityCode, openPlan.DeliveryFacilityCode, openPlan.TreatmentPlan, openPlan.EmergencyPlan,
                openPlan.NextReviewDate, openPlan.Author));
    }
}
