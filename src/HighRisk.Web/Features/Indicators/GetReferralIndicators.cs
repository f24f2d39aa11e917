using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.Referrals;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Indicators;

/// <summary>
/// The referral indicators of a month (docs/indicators.md, "Referral"): the referrals of the women of a city or county
/// requested in the month, one row per county of her residence and one per receiving facility. Whether an answer or an
/// outcome was late is the referral's own rule (<see cref="Referral.AnsweredLate"/>, <see cref="Referral.OutcomeInTime"/>).
/// </summary>
public static class GetReferralIndicators
{
    public sealed record Query(string? Division, string? Month) : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) => new(AuditAction.List, "indicators", response.Division, $"GetReferralIndicators {response.Month}");
    }

    /// <param name="Referred">Referrals requested in the month (上转).</param>
    /// <param name="ReferredBackDown">Completed with a follow-up date for her township (下转).</param>
    /// <param name="ClosedLoop">Completed with the receiving facility's feedback, over those neither declined nor cancelled (闭环率).</param>
    /// <param name="AnsweredLate">Answered (accepted, declined) after the deadline, or still unanswered past it.</param>
    /// <param name="OutcomeLate">Completed after the outcome's last day, or still open past it.</param>
    public sealed record Row(
        string Code, string Name, int Referred, int Emergencies, int Accepted, int Declined, int Cancelled, int Arrived, int CompletedFromSlip,
        int ReferredBackDown, Proportion ClosedLoop, int AnsweredLate, int OutcomeLate);

    /// <param name="Asked">Consultations asked in the month about the women of the county.</param>
    /// <param name="AnsweredIn24Hours">Answered within their time, over those answered or past it (<see cref="Consultations.Consultation.AnsweredInTime"/>).</param>
    public sealed record ConsultationRow(string Code, string Name, int Asked, Proportion AnsweredIn24Hours);

    public sealed record Response(
        string Division, string Month, IReadOnlyList<Row> Counties, IReadOnlyList<Row> Facilities, Row? Total, IReadOnlyList<ConsultationRow> Consultations);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(BusinessClock clock)
        {
            RuleFor(q => q.Division).NotEmpty().Matches("^[0-9]{4}([0-9]{2})?$").WithError(Messages.IndicatorDivision);
            RuleFor(q => q.Month).NotEmpty()
                .Must(m => GetIndicators.TryParseMonth(m, out _)).WithError(Messages.IndicatorMonth)
                .Must(m => GetIndicators.TryParseMonth(m, out var first) && first <= clock.Today).WithError(Messages.IndicatorMonthInFuture);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, Divisions.DivisionNames divisions) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!GetIndicators.MayRead(user))
            {
                throw new ForbiddenException(Messages.IndicatorsRole);
            }

            var division = query.Division!;
            GetIndicators.TryParseMonth(query.Month, out var first);
            var (from, to) = (StartOf(first), StartOf(first.AddMonths(1)));
            var area = user.DivisionPrefix;
            var referrals = await db.Referrals.AsNoTracking().IgnoreQueryFilters()
                .Where(r => r.DivisionCode.StartsWith(division) && (area == null || r.DivisionCode.StartsWith(area)) && r.RequestedAt >= from && r.RequestedAt < to)
                .ToListAsync(cancellationToken);
            var codes = referrals.Select(r => r.DivisionCode[..6]).Concat(referrals.Select(r => r.ToFacilityCode)).Distinct().ToList();
            var names = (await db.Divisions.Where(d => codes.Contains(d.Code)).Select(d => new { d.Code, d.Name })
                    .Concat(db.Facilities.Where(f => codes.Contains(f.Code)).Select(f => new { f.Code, f.Name })).ToListAsync(cancellationToken))
                .DistinctBy(n => n.Code).ToDictionary(n => n.Code, n => n.Name);
            var counties = Rows(referrals, r => r.DivisionCode[..6], names);
            var facilities = Rows(referrals, r => r.ToFacilityCode, names);
            var total = referrals.Count == 0 ? null : RowOf(division, names.GetValueOrDefault(division, division), referrals);
            var asked = await db.Consultations.AsNoTracking().IgnoreQueryFilters()
                .Where(c => c.DivisionCode.StartsWith(division) && (area == null || c.DivisionCode.StartsWith(area)) && c.AskedAt >= from && c.AskedAt < to)
                .ToListAsync(cancellationToken);
            var countyCodes = asked.Select(c => c.DivisionCode[..6]).Distinct().ToList();
            var countyNames = await divisions.OfAsync(db, countyCodes, cancellationToken);
            var consultations = asked.GroupBy(c => c.DivisionCode[..6]).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ConsultationRow(
                    g.Key, countyNames.GetValueOrDefault(g.Key, g.Key), g.Count(),
                    new Proportion(g.Count(c => c.AnsweredInTime(clock.Now) == true), g.Count(c => c.AnsweredInTime(clock.Now) is not null))))
                .ToList();
            return new Response(division, query.Month!, counties, facilities, total, consultations);
        }

        private List<Row> Rows(List<Referral> referrals, Func<Referral, string> key, Dictionary<string, string> names) =>
            referrals.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => RowOf(g.Key, names.GetValueOrDefault(g.Key, g.Key), [.. g])).ToList();

        private Row RowOf(string code, string name, List<Referral> referrals)
        {
            var (now, today) = (clock.Now, clock.Today);
            var answerable = referrals.Where(r => r.Status is not (ReferralStatus.Declined or ReferralStatus.Cancelled)).ToList();
            return new Row(
                code, name, referrals.Count, referrals.Count(r => r.Urgency == ReferralUrgency.Emergency), referrals.Count(r => r.AcceptedAt is not null),
                referrals.Count(r => r.Status == ReferralStatus.Declined), referrals.Count(r => r.Status == ReferralStatus.Cancelled),
                referrals.Count(r => r.ArrivedOn is not null), referrals.Count(r => r.Status == ReferralStatus.Completed && r.Advice is null),
                referrals.Count(r => r.FollowUpOn is not null),
                new Proportion(answerable.Count(r => r.Status == ReferralStatus.Completed && r.Advice is not null), answerable.Count),
                referrals.Count(r => r.AnsweredLate(now)), referrals.Count(r => r.OutcomeInTime(today) == false));
        }

        private static DateTimeOffset StartOf(DateOnly day)
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, BusinessClock.Zone.GetUtcOffset(midnight)).ToUniversalTime();
        }
    }
}
