using FluentValidation;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Alerts;

/// <summary>Alerts in the user's area, newest first, each with its messages and their delivery status.</summary>
public static class ListAlerts
{
    public sealed record Query(Guid? PregnancyId, string? Division, string? Status) : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) => new(AuditAction.List, "alert", PregnancyId?.ToString(), $"ListAlerts division={Division} status={Status} rows={response.Items.Count}");
    }

    public sealed record Response(IReadOnlyList<AlertView> Items);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Division).Matches("^[0-9]{2,12}$").WithError(Messages.AlertListDivision);
            RuleFor(q => q.Status).Must(s => Enum.TryParse<AlertStatus>(s, ignoreCase: true, out _)).When(q => q.Status is not null)
                .WithError(Messages.AlertStatusFilter);
        }
    }

    public sealed class Handler(HighRiskDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var alerts = db.Alerts.AsNoTracking();
            if (query.PregnancyId is { } id)
            {
                alerts = alerts.Where(a => a.PregnancyId == id);
            }

            if (query.Division is { } division)
            {
                alerts = alerts.Where(a => a.DivisionCode.StartsWith(division));
            }

            if (query.Status is { } text && Enum.TryParse<AlertStatus>(text, ignoreCase: true, out var status))
            {
                alerts = alerts.Where(a => a.Status == status);
            }

            var found = await alerts.OrderByDescending(a => a.CreatedAt).Take(200).ToListAsync(cancellationToken);
            var ids = found.Select(a => (Guid?)a.Id).ToList();
            var messages = await db.SmsMessages.AsNoTracking().Where(m => ids.Contains(m.AlertId)).ToListAsync(cancellationToken);
            var byAlert = messages.ToLookup(m => m.AlertId);
            return new Response(found.ConvertAll(a => AlertView.Of(a, byAlert[a.Id])));
        }
    }
}
