using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>
/// The transfer inboxes, newest first: incoming — women moving into the user's area (to accept or decline, or asked for);
/// outgoing — women moving out of it (sent, or asked for by another township). Keyset-paged by the last id.
/// </summary>
public static class ListTransfers
{
    public sealed record Query(string? Direction, string? Status, Guid? Cursor, int? Limit) : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) => new(AuditAction.List, "transfer", null, $"ListTransfers direction={Direction} status={Status} rows={response.Items.Count}");
    }

    public sealed record Response(IReadOnlyList<TransferView> Items, Guid? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Direction).Must(d => d is "incoming" or "outgoing").When(q => q.Direction is not null).WithError(Messages.TransferDirection);
            RuleFor(q => q.Status).Must(s => s is "requested" or "accepted" or "declined" or "late").When(q => q.Status is not null).WithError(Messages.TransferStatusFilter);
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, Divisions.DivisionNames divisions) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var transfers = db.Transfers.AsNoTracking();
            if (user.DivisionPrefix is { } prefix)
            {
                var own = user.FacilityCode;
                transfers = query.Direction == "outgoing"
                    ? transfers.Where(t => t.FromDivisionCode.StartsWith(prefix) || t.FromFacilityCode == own)
                    : query.Direction == "incoming" ? transfers.Where(t => t.ToDivisionCode.StartsWith(prefix) || (own != null && t.ToFacilityCode == own)) : transfers;
            }

            transfers = query.Status switch
            {
                "requested" => transfers.Where(t => t.Status == TransferStatus.Requested),
                "accepted" => transfers.Where(t => t.Status == TransferStatus.Accepted),
                "declined" => transfers.Where(t => t.Status == TransferStatus.Declined),
                "late" => transfers.Where(t => t.Status == TransferStatus.Requested && t.EscalatedAt != null),
                _ => transfers,
            };
            if (query.Cursor is { } after)
            {
                transfers = transfers.Where(t => t.Id.CompareTo(after) < 0);
            }

            var limit = query.Limit ?? 50;
            var page = await transfers.OrderByDescending(t => t.Id).Take(limit + 1).ToListAsync(cancellationToken);
            var shown = page.Take(limit).ToList();
            var ids = shown.Select(t => t.PregnancyId).Distinct().ToList();
            var women = await db.Pregnancies.IgnoreQueryFilters().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Woman.FullName, p.Woman.ResidentIdMasked, p.DivisionCode, p.FacilityCode }).ToDictionaryAsync(p => p.Id, cancellationToken);
            var codes = shown.SelectMany(t => new[] { t.FromDivisionCode[..9], t.ToTownshipCode }).Distinct().ToList();
            var names = await divisions.OfAsync(db, codes, cancellationToken);
            var decides = TransferLock.Decider(user);
            var items = shown.Select(t =>
            {
                var w = women[t.PregnancyId];
                var seesRecord = user.CanSee(w.DivisionCode, w.FacilityCode);
                return TransferView.Of(
                    t, (w.FullName, w.ResidentIdMasked), names, t.Status == TransferStatus.Requested && decides(t), TransferView.SeesHer(t, seesRecord), seesRecord);
            }).ToList();
            return new Response(items, page.Count > limit ? shown[^1].Id : null);
        }
    }
}
