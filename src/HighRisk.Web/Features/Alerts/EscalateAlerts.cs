using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Alerts;

/// <summary>
/// Every few minutes: a red alert not acknowledged within Alerts:AcknowledgeWithinHours (24), or an alert one of whose
/// messages expired before it could be sent or failed (refused by the provider, or a receipt saying the handset never
/// got it) while nobody has acknowledged it, is escalated once to the county on-duty number and the city MCH
/// institution. Escalation messages go through the same outbox, de-duplicated per alert and recipient.
/// </summary>
public static class EscalateAlerts
{
    public sealed record Command : ICommand<Response>;

    /// <summary>The escalation messages queued.</summary>
    public sealed record Response(int Queued);

    public sealed class Handler(HighRiskDb db, AlertRecipients recipients, SmsTemplates templates, BusinessClock clock, IConfiguration configuration, MessageSettings settings)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var deadline = clock.Now - TimeSpan.FromHours(configuration.GetValue("Alerts:AcknowledgeWithinHours", 24));
            var unacknowledged = await db.Alerts
                .Where(a => a.Colour == "red" && a.AcknowledgedAt == null && a.EscalatedAt == null && a.CreatedAt <= deadline)
                .ToListAsync(cancellationToken);
            // Once someone has acknowledged the alert, an undelivered copy no longer needs the county's attention.
            var undelivered = await db.Alerts
                .Where(a => a.EscalatedAt == null && a.AcknowledgedAt == null)
                .Select(a => new
                {
                    Alert = a,
                    Expired = db.SmsMessages.Any(m => m.AlertId == a.Id && m.Kind == SmsKind.Alert && m.Status == SmsStatus.Expired),
                    Failed = db.SmsMessages.Any(m => m.AlertId == a.Id && m.Kind == SmsKind.Alert && m.Status == SmsStatus.Failed),
                })
                .Where(x => x.Expired || x.Failed)
                .ToListAsync(cancellationToken);

            var queued = 0;
            foreach (var (alert, reason) in unacknowledged.Select(a => (a, "unacknowledged"))
                         .Concat(undelivered.Select(x => (x.Alert, x.Expired ? "expired" : "failed"))).DistinctBy(x => x.Item1.Id))
            {
                if (alert.Escalate(reason, clock.Now))
                {
                    queued += await QueueEscalationAsync(alert, reason, cancellationToken);
                }
            }

            return new Response(queued);
        }

        private async Task<int> QueueEscalationAsync(Alert alert, string reason, CancellationToken ct)
        {
            var township = await db.Divisions.Where(d => d.Code == alert.TownshipCode).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? alert.TownshipCode;
            var values = new Dictionary<string, string>
            {
                ["sign"] = settings.SignName,
                ["township"] = township,
                ["name"] = alert.MaskedName,
                ["colour"] = templates.Colours[alert.Colour],
                ["reason"] = templates.Reasons[reason],
            };
            var text = SmsTemplates.Fill(templates.Escalation.Text, values);
            var count = 0;
            foreach (var recipient in await recipients.ForEscalationAsync(alert.DivisionCode, ct))
            {
                db.SmsMessages.Add(SmsMessage.Queue(
                    $"escalation:{alert.Id}:{recipient.Mobile}", SmsKind.Escalation, alert.Id, recipient.Mobile, text, templates.Escalation.TemplateCode, values, clock.Now, settings.TimeToLive));
                count++;
            }

            return count;
        }
    }
}
