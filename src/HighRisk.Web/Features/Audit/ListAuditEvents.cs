using FluentValidation;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Audit;

/// <summary>Administrators read the audit trail, newest first, filtered by user, action, record and time.</summary>
public static class ListAuditEvents
{
    /// <param name="Action">An <see cref="AuditAction"/> as the API writes it (read, signIn, …); case is ignored.</param>
    public sealed record Query(string? User, string? Action, string? EntityId, DateTimeOffset? From, DateTimeOffset? To, long? Before, int? Limit, Guid? Referral = null)
        : IQuery<Response>
    {
        public AuditAction? ActionValue => Enum.TryParse<AuditAction>(Action, ignoreCase: true, out var action) && Enum.IsDefined(action) ? action : null;
    }

    public sealed record Response(IReadOnlyList<AuditEvent> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
            RuleFor(q => q.Action).Must((q, _) => q.ActionValue is not null && !char.IsAsciiDigit(q.Action![0])).When(q => q.Action is not null)
                .WithError(Messages.AuditActionUnknown, ("Actions", string.Join(", ", Enum.GetNames<AuditAction>().Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName))));
        }
    }

    public sealed class Handler(HighRiskDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var events = db.AuditEvents.AsNoTracking();
            if (query.User is { } user)
            {
                events = events.Where(e => e.UserName == user);
            }

            if (query.ActionValue is { } action)
            {
                events = events.Where(e => e.Action == action);
            }

            if (query.Referral is { } referral)
            {
                events = events.Where(e => e.ReferralId == referral);
            }

            if (query.EntityId is { } entityId)
            {
                events = events.Where(e => e.EntityId == entityId);
            }

            // PostgreSQL's timestamptz takes instants in UTC: an offset given in the query (+08:00) is converted, not refused.
            if (query.From?.ToUniversalTime() is { } from)
            {
                events = events.Where(e => e.At >= from);
            }

            if (query.To?.ToUniversalTime() is { } to)
            {
                events = events.Where(e => e.At < to);
            }

            if (query.Before is { } before)
            {
                events = events.Where(e => e.Id < before);
            }

            var limit = query.Limit ?? 100;
            var rows = await events.OrderByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
            var items = rows.Take(limit).ToList();
            return new Response(items, rows.Count > limit ? items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        }
    }
}
