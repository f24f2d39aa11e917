using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Alerts;

/// <summary>
/// When a pregnancy turns red — at booking, on an exam, on a catalogue re-grade or a manual raise — an alert and one
/// SMS per recipient are written in the same transaction as the grade change. Staying red writes nothing; red →
/// orange → red alerts again. Orange and purple alert only when configured (Alerts:Sms:Orange, Alerts:Sms:Purple).
/// An alert that finds nobody to tell where she lives is escalated at once, or flagged when there is nobody above either.
/// </summary>
public sealed class RaiseAlertOnGradeChange(HighRiskDb db, AlertRecipients recipients, AlertSms sms, BusinessClock clock, IConfiguration configuration)
    : INotificationHandler<GradeChanged>
{
    public async ValueTask Handle(GradeChanged notification, CancellationToken cancellationToken)
    {
        var (pregnancy, change) = (notification.Pregnancy, notification.Change);
        var colour = ColourToAlert(change);
        if (colour is null)
        {
            return;
        }

        var today = clock.Today;
        var weeks = pregnancy.GestationalAgeOn(today < pregnancy.Lmp ? pregnancy.Lmp : today).Weeks;
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(clock.Now),
            PregnancyId = pregnancy.Id,
            GradeChangeId = change.Id,
            Colour = colour,
            DivisionCode = pregnancy.DivisionCode,
            TownshipCode = pregnancy.TownshipCode,
            FacilityCode = pregnancy.FacilityCode,
            MaskedName = pregnancy.Woman.FullNameMasked,
            GestationalWeeks = weeks,
            Factor = FactorLabels.Leading(change.Factors, colour),
            CreatedAt = clock.Now,
        };
        db.Alerts.Add(alert);

        var told = await recipients.ForAlertAsync(pregnancy.DivisionCode, pregnancy.FacilityCode, pregnancy.ResponsibleUserId, pregnancy.HealthWorker, cancellationToken);
        if (told.Count == 0)
        {
            // Nobody where she lives: the escalation contacts at once (the nearest levels up to the province that have
            // them), or a flag the administrators see (ResendAlertsThatReachedNobody, once someone is there).
            told = await recipients.ForEscalationAsync(pregnancy.DivisionCode, cancellationToken);
            alert.FoundNoRecipient(told.Count, clock.Now);
        }

        await sms.QueueAsync(alert, pregnancy, told, cancellationToken);
    }

    private string? ColourToAlert(GradeChange change)
    {
        if (change.ToColour == RiskColour.Red && change.FromColour != RiskColour.Red)
        {
            return "red";
        }

        if (change.ToColour == RiskColour.Orange && (change.FromColour is null || change.FromColour < RiskColour.Orange) && configuration.GetValue("Alerts:Sms:Orange", false))
        {
            return "orange";
        }

        return change.ToPurple && !change.FromPurple && change.ToColour != RiskColour.Red && configuration.GetValue("Alerts:Sms:Purple", false) ? "purple" : null;
    }
}
