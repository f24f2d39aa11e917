using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Alerts;

/// <summary>
/// Someone who could be told about an alert was added or changed: a division contact (SaveContact) or a health worker's
/// mobile on an account (CreateUser, UpdateUser). Published by those commands once their change is saved, in their
/// transaction.
/// </summary>
public sealed record AlertRecipientsChanged : INotification;

/// <summary>
/// An alert that reached nobody (<see cref="Alert.NoRecipient"/>) and is not acknowledged is asked again, by the rule a
/// new alert follows (<see cref="AlertRecipients"/>), whenever the recipients change: when someone is there now, its
/// messages are queued and the flag clears (so /health/ready's count goes down), in the transaction of the change.
/// The alerts are locked while this happens: two changes at once queue nothing twice, and a retried request finds no
/// alert left to send.
/// </summary>
public sealed partial class ResendAlertsThatReachedNobody(HighRiskDb db, AlertRecipients recipients, AlertSms sms, BusinessClock clock,
    ILogger<ResendAlertsThatReachedNobody> log) : INotificationHandler<AlertRecipientsChanged>
{
    public async ValueTask Handle(AlertRecipientsChanged notification, CancellationToken cancellationToken)
    {
        var alerts = await db.Alerts
            .FromSql($"SELECT * FROM alerts WHERE no_recipient AND acknowledged_at IS NULL ORDER BY created_at FOR UPDATE")
            .IgnoreQueryFilters()
            .ToListAsync(cancellationToken);
        foreach (var alert in alerts)
        {
            if (await db.Pregnancies.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == alert.PregnancyId, cancellationToken) is not { } pregnancy)
            {
                continue;
            }

            var told = await recipients.ForAlertAsync(alert.DivisionCode, alert.FacilityCode, pregnancy.ResponsibleUserId, pregnancy.HealthWorker, cancellationToken);
            var escalated = told.Count == 0;
            if (escalated)
            {
                told = await recipients.ForEscalationAsync(alert.DivisionCode, cancellationToken);
            }

            if (told.Count > 0 && alert.FoundRecipientLater(escalated, clock.Now))
            {
                await sms.QueueAsync(alert, pregnancy, told, cancellationToken);
                LogResent(log, alert.Id, told.Count, escalated);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} reached nobody; now queued to {Recipients} recipient(s) (escalated: {Escalated})")]
    private static partial void LogResent(ILogger logger, Guid alertId, int recipients, bool escalated);
}
