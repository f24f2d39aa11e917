using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>
/// The referral inboxes, newest first: incoming — the referrals sent to a facility (the user's own by default); outgoing —
/// the referrals of the women in the user's area, with the feedback that came back. Keyset-paged by the last id.
/// </summary>
public static class ListReferrals
{
    public static readonly string[] Statuses = ["open", "late", "requested", "accepted", "declined", "arrived", "completed", "cancelled"];

    public sealed record Query(string? Direction, string? Facility, string? Status, Guid? Cursor, int? Limit) : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) =>
            new(AuditAction.List, "referral", null, $"ListReferrals direction={Direction} facility={Facility} status={Status} rows={response.Items.Count}");
    }

    /// <param name="FullName">Names are shown to whoever sees the referral, as on her record; numbers are not listed.</param>
    public sealed record Item(ReferralSummary Referral, string FullName, int AgeYears, string? Colour, bool Purple, string? TownshipName, string? ToFacilityName, string? FromFacilityName);

    public sealed record Response(IReadOnlyList<Item> Items, Guid? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(CurrentUser user)
        {
            RuleFor(q => q.Direction).Must(d => d is "incoming" or "outgoing").When(q => q.Direction is not null).WithError(Messages.ReferralDirection);
            RuleFor(q => q.Status).Must(s => Statuses.Contains(s)).When(q => q.Status is not null).WithError(Messages.ReferralStatusFilter);
            RuleFor(q => q.Facility).MaximumLength(32);
            RuleFor(q => q.Facility).NotEmpty().WithError(Messages.ReferralNoFacility)
                .When(q => q.Direction == "incoming" && user.ReferralFacility is null && user.DivisionPrefix is not null);
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
        }
    }

    /// <summary>The outgoing inbox's referrals: those of the women of the user's area (by residence, or by booking at the user's facility).</summary>
    public static IQueryable<Referral> SentBy(IQueryable<Referral> referrals, CurrentUser user)
    {
        var (prefix, own) = (user.DivisionPrefix, user.FacilityCode);
        return prefix is null ? referrals : referrals.Where(r => r.DivisionCode.StartsWith(prefix) || r.FacilityCode == own);
    }

    /// <summary>The referrals in a state of <see cref="Statuses"/> (null: all).</summary>
    public static IQueryable<Referral> InStatus(IQueryable<Referral> referrals, string? status)
    {
        var parsed = Enum.TryParse<ReferralStatus>(status, true, out var named) ? named : default;
        return status switch
        {
            null => referrals,
            "open" => referrals.Where(r => r.Status == ReferralStatus.Requested || r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Arrived),
            "late" => referrals.Where(r => r.AnswerLate || r.OutcomeLate),
            _ => referrals.Where(r => r.Status == parsed),
        };
    }

    public sealed class Handler(
        [FromKeyedServices(ListReads.Key)] HighRiskDb db, CurrentUser user, Infrastructure.BusinessClock clock, Divisions.DivisionNames divisions, Divisions.FacilityNames facilities)
        : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var referrals = db.Referrals.AsNoTracking();
            var incoming = query.Direction == "incoming" || (query.Direction is null && user.ReferralFacility is not null);
            if (incoming)
            {
                var facility = query.Facility ?? user.ReferralFacility;
                referrals = facility is null ? referrals : referrals.Where(r => r.ToFacilityCode == facility);
            }
            else
            {
                referrals = SentBy(referrals, user);
                referrals = query.Facility is { } to ? referrals.Where(r => r.ToFacilityCode == to) : referrals;
            }

            referrals = InStatus(referrals, query.Status);
            if (query.Cursor is { } after)
            {
                referrals = referrals.Where(r => r.Id.CompareTo(after) < 0);
            }

            var limit = query.Limit ?? 50;
            var page = await referrals.OrderByDescending(r => r.Id).Take(limit + 1).ToListAsync(cancellationToken);
            var shown = page.Take(limit).ToList();
            var items = await ItemsAsync(shown, cancellationToken);
            return new Response(items, page.Count > limit ? shown[^1].Id : null);
        }

        private async Task<List<Item>> ItemsAsync(List<Referral> referrals, CancellationToken ct)
        {
            var ids = referrals.Select(r => r.PregnancyId).Distinct().ToList();
            var women = await db.Pregnancies.IgnoreQueryFilters().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Woman.FullName, p.Woman.BirthDate, p.TownshipCode }).ToDictionaryAsync(p => p.Id, ct);
            var townships = await divisions.OfAsync(db, women.Values.Select(w => w.TownshipCode), ct);
            var facilityNames = await facilities.OfAsync(db, referrals.SelectMany(r => new[] { r.ToFacilityCode, r.FromFacilityCode }), ct);
            var today = clock.Today;
            return referrals.Select(r =>
            {
                var woman = women[r.PregnancyId];
                return new Item(
                    ReferralSummary.Of(r), woman.FullName, Rules.ClinicalDates.AgeOn(woman.BirthDate, today), r.Slip?.Colour, r.Slip?.Purple ?? false,
                    townships.GetValueOrDefault(woman.TownshipCode), facilityNames.GetValueOrDefault(r.ToFacilityCode),
                    r.FromFacilityCode is null ? null : facilityNames.GetValueOrDefault(r.FromFacilityCode));
            }).ToList();
        }
    }
}
