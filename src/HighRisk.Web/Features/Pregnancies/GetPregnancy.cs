using HighRisk.Features.Audit;
using HighRisk.Features.Accounts;
using HighRisk.Features.Exams;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Pregnancies;

/// <summary>
/// The whole record of one pregnancy: the woman, the current grade and why, every exam, the grade history, the consultations
/// about her, her consent to SMS reminders and the reminders.
/// </summary>
public static class GetPregnancy
{
    public sealed record Query(Guid Id) : IQuery<Response>, IAudited<Response>, Referrals.IReachableByReferral
    {
        public Guid ReferredPregnancyId => Id;

        public AuditEntry Audit(Response response) => new(AuditAction.Read, "pregnancy", Id.ToString(), "GetPregnancy");
    }

    public sealed record WomanView(string FullName, string ResidentId, DateOnly BirthDate, int AgeYears, string Mobile);

    public sealed record ExamView(
        Guid Id, DateOnly ExamDate, GestationalAge GestationalAge, string FacilityCode, string Examiner, Dictionary<string, object> Measurements,
        IReadOnlyList<string> Findings, IReadOnlyList<ResolvedFinding> Resolved, string? Note, DateOnly? NextAppointment, DateTimeOffset RecordedAt,
        string GradeAfter, bool PurpleAfter, int? PostpartumDay)
    {
        /// <param name="delivered">The birth, if any: an exam from that date on is a postpartum exam, counted in days after it.</param>
        public static ExamView Of(Exam e, DateOnly lmp, DateOnly? delivered) => new(
            e.Id, e.ExamDate, GestationalAge.FromLmp(lmp, e.ExamDate), e.FacilityCode, e.Examiner, MeasurementInput.ToApi(e.Measurements),
            e.Findings, e.Resolved, e.Note, e.NextAppointment, e.RecordedAt, e.GradeAfter.ToApiName(), e.PurpleAfter,
            delivered is { } d && e.ExamDate >= d ? e.ExamDate.DayNumber - d.DayNumber : null);
    }

    public sealed record GradeChangeView(
        Guid Id, string? From, string To, bool FromPurple, bool ToPurple, IReadOnlyList<ActiveFactor> Factors, Guid? ExamId, GradeCause Cause,
        string CatalogueVersion, string ChangedBy, DateTimeOffset ChangedAt);

    public sealed record FollowUpView(
        Guid Id, DateOnly Date, FollowUps.ContactKind Kind, bool Reached, bool MovedAway, string? Note, DateOnly? NextAppointment, FollowUps.DueKind? CountedAs,
        string RecordedBy, DateTimeOffset RecordedAt);

    public sealed record ScheduleView(DateOnly? NextDueDate, FollowUps.DueKind? NextDueKind, FollowUps.FollowUpState State, int DaysOverdue, DateOnly? LastContactDate, int FailedAttempts);

    public sealed record Response(
        Guid Id, WomanView Woman, DateOnly Lmp, DateOnly Edd, GestationalAge GestationalAge, string DivisionCode, string? DivisionName,
        string TownshipCode, string Address, string FacilityCode, string HealthWorker, decimal? HeightCm, decimal? WeightKg,
        PregnancyHistory History, IReadOnlyList<string> Findings, DateOnly BookingDate, DateTimeOffset BookedAt, PregnancyStatus Status,
        PregnancyOutcome? Outcome, DateOnly? OutcomeDate, DeliveryMode? DeliveryMode, string Grade, bool Purple, IReadOnlyList<ActiveFactor> Factors,
        string? CatalogueVersion, DateTimeOffset GradedAt, IReadOnlyList<ManualRaise> Raises, ScheduleView Schedule, IReadOnlyList<ExamView> Exams,
        IReadOnlyList<FollowUpView> FollowUps, IReadOnlyList<Referrals.ReferralSummary> Referrals, IReadOnlyList<GradeChangeView> GradeHistory,
        bool InPostpartumEpisode, string? ReceivingFacility, Guid? CaseId, IReadOnlyList<Consultations.ConsultationView> Consultations,
        Guid? ThroughReferralId, Guid? MergedIntoId, Reminders.ReminderViews.ConsentView SmsConsent,
        IReadOnlyList<Reminders.ReminderViews.ReminderView> Reminders);

    public sealed class Handler(HighRiskDb db, BusinessClock clock, PersonalData personalData, CurrentUser user, Divisions.DivisionNames divisions) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var p = await db.Pregnancies.AsNoTracking()
                .Include(x => x.Woman)
                .Include(x => x.Exams)
                .Include(x => x.GradeHistory)
                .Include(x => x.FollowUps)
                .AsSplitQuery()
                .SingleOrDefaultAsync(x => x.Id == query.Id, cancellationToken)
                ?? throw new NotFoundException("No such pregnancy.");
            var divisionName = await db.Divisions.Where(d => d.Code == p.DivisionCode || d.Code == p.TownshipCode)
                .OrderByDescending(d => d.Code.Length).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);

            var today = clock.Today;
            var reminders = await HighRisk.Features.Reminders.ReminderViews.OfAsync(db, p.Id, cancellationToken);
            var asOf = p.Status == PregnancyStatus.Open || p.OutcomeDate is null ? today : p.OutcomeDate.Value;
            // Health workers and township staff see the woman's numbers in full; supervisors see them masked.
            var full = user.SeesFullContact;
            var woman = new WomanView(
                p.Woman.FullName,
                full ? personalData.Unprotect(p.Woman.ResidentIdCipher) : p.Woman.ResidentIdMasked,
                p.Woman.BirthDate,
                ClinicalDates.AgeOn(p.Woman.BirthDate, today),
                full ? personalData.Unprotect(p.Woman.MobileCipher) : p.Woman.MobileMasked);
            var exams = p.Exams.OrderBy(e => e.ExamDate).ThenBy(e => e.RecordedAt).Select(e => ExamView.Of(e, p.Lmp, p.DeliveredOn)).ToList();
            // In date order: after a merge, the rows of both records interleave by when they happened.
            var history = p.GradeHistory.OrderBy(g => g.ChangedAt).ThenBy(g => g.Sequence).Select(g => new GradeChangeView(
                g.Id, g.FromColour?.ToApiName(), g.ToColour.ToApiName(), g.FromPurple, g.ToPurple, g.Factors, g.ExamId, g.Cause,
                g.CatalogueVersion, g.ChangedBy, g.ChangedAt)).ToList();

            return new Response(
                p.Id, woman, p.Lmp, p.Edd, GestationalAge.FromLmp(p.Lmp, asOf < p.Lmp ? p.Lmp : asOf), p.DivisionCode, divisionName, p.TownshipCode,
                p.Address, p.FacilityCode, p.HealthWorker, p.HeightCm, p.WeightKg, p.History, p.Findings, p.BookingDate, p.BookedAt, p.Status,
                p.Outcome, p.OutcomeDate, p.DeliveryMode, p.Grade.ToApiName(), p.Purple, p.Factors, p.CatalogueVersion, p.GradedAt, p.Raises,
                new ScheduleView(p.Schedule.NextDueDate, p.Schedule.NextDueKind, p.Schedule.State, p.Schedule.DaysOverdueOn(today), p.Schedule.LastContactDate, p.Schedule.FailedAttempts),
                exams,
                p.FollowUps.OrderBy(f => f.Date).ThenBy(f => f.RecordedAt).Select(f => new FollowUpView(
                    f.Id, f.Date, f.Kind, f.Reached, f.MovedAway, f.Note, f.NextAppointment, f.CountedAs, f.RecordedBy, f.RecordedAt)).ToList(),
                (await db.Referrals.AsNoTracking().IgnoreQueryFilters().Where(r => r.PregnancyId == p.Id).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken))
                    .Select(Referrals.ReferralSummary.Of).ToList(),
                history,
                p.InPostpartumEpisode,
                p.ReceivingFacility,
                await db.Cases.AsNoTracking().Where(c => c.PregnancyId == p.Id).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken),
                await Consultations.ConsultationViews.ShapeAsync(
                    db, divisions, await db.Consultations.AsNoTracking().Where(c => c.PregnancyId == p.Id).OrderBy(c => c.AskedAt).ToListAsync(cancellationToken), user.User?.Id,
                    withWoman: false, today, cancellationToken),
                user.ReferredPregnancy is { } referred && referred.PregnancyId == p.Id && !user.CanSee(p.DivisionCode, p.FacilityCode) ? referred.ReferralId : null,
                p.MergedIntoId,
                reminders.SmsConsent,
                reminders.Reminders);
        }
    }
}
