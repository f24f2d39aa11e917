using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.Exams;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>
/// One referral with its slip (双向转诊单): who she is (numbers masked for the reader's role, as on her record), the clinical
/// summary made when she was referred, every step and the feedback, and what the reader may do next.
/// </summary>
public static class GetReferral
{
    public sealed record Query(Guid Id) : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) => new(AuditAction.Read, "referral", Id.ToString(), "GetReferral");
    }

    public sealed record WomanView(string FullName, string ResidentId, DateOnly BirthDate, int AgeYears, string Mobile, string Address);

    public sealed record ExamView(Guid Id, DateOnly Date, string FacilityCode, Dictionary<string, object> Measurements, IReadOnlyList<string> Findings);

    public sealed record SlipView(
        string Colour, bool Purple, IReadOnlyList<ActiveFactor> Factors, string? CatalogueVersion, GestationalAge GestationalAge, DateOnly Edd, ExamView? LatestExam,
        ReferralSlip.PlanSummary? Plan);

    /// <param name="RecordOpen">Whether the reader may open her record now (the receiving facility loses it 30 days after completing).</param>
    public sealed record Response(
        ReferralSummary Referral, WomanView Woman, string DivisionCode, string? TownshipName, string? FromFacilityName, string? ToFacilityName, SlipView? Slip,
        string? AcceptedBy, DateTimeOffset? DeclinedAt, string? DeclinedBy, string? ArrivalRecordedBy, DateTimeOffset? CompletedAt, string? CompletedBy,
        DateTimeOffset? CancelledAt, string? CancelledBy, DateTimeOffset? AccessUntil, bool IsReceiver, bool IsSender, bool RecordOpen);

    public sealed class Handler(
        HighRiskDb db, CurrentUser user, BusinessClock clock, PersonalData personalData, ReferralAccess access, Divisions.DivisionNames divisions, Divisions.FacilityNames facilities)
        : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(x => x.Id == query.Id, cancellationToken) ?? throw new NotFoundException("No such referral.");
            var p = await db.Pregnancies.IgnoreQueryFilters().AsNoTracking().Include(x => x.Woman).SingleAsync(x => x.Id == r.PregnancyId, cancellationToken);
            var isReceiver = user.ReferralFacility == r.ToFacilityCode;
            var isSender = user.CanSee(r.DivisionCode, r.FacilityCode);
            if (isReceiver)
            {
                access.Allow(r); // her identity is read through the referral: the audit line names it
            }

            var township = await divisions.OfAsync(db, [p.TownshipCode], cancellationToken);
            var names = await facilities.OfAsync(db, [r.ToFacilityCode, r.FromFacilityCode], cancellationToken);
            var full = user.SeesFullContact;
            var woman = new WomanView(
                p.Woman.FullName, full ? personalData.Unprotect(p.Woman.ResidentIdCipher) : p.Woman.ResidentIdMasked, p.Woman.BirthDate,
                ClinicalDates.AgeOn(p.Woman.BirthDate, clock.Today), full ? personalData.Unprotect(p.Woman.MobileCipher) : p.Woman.MobileMasked, p.Address);
            var slip = r.Slip is { } s
                ? new SlipView(
                    s.Colour, s.Purple, s.Factors, s.CatalogueVersion, s.GestationalAge, s.Edd,
                    s.LatestExam is { } e ? new ExamView(e.Id, e.Date, e.FacilityCode, MeasurementInput.ToApi(e.Measurements), e.Findings) : null, s.Plan)
                : null;
            return new Response(
                ReferralSummary.Of(r), woman, p.DivisionCode, township.GetValueOrDefault(p.TownshipCode),
                r.FromFacilityCode is null ? null : names.GetValueOrDefault(r.FromFacilityCode), names.GetValueOrDefault(r.ToFacilityCode), slip,
                r.AcceptedBy, r.DeclinedAt, r.DeclinedBy, r.ArrivalRecordedBy, r.CompletedAt, r.CompletedBy, r.CancelledAt, r.CancelledBy, r.AccessUntil,
                isReceiver, isSender, isSender || (isReceiver && r.GrantsAccessAt(clock.Now)));
        }
    }
}
