using HighRisk.Features.Messaging;
using HighRisk.Features.Pregnancies;
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
public sealed class RaiseAlertOnGradeChange(
    HighRiskDb db, AlertRecipients recipients, SmsTemplates templates, BusinessClock clock, IConfiguration configuration, Messaging.MessageSettings settings)
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
        var stage = pregnancy.IsAfterBirth(today)
            ? $"产后{today.DayNumber - pregnancy.OutcomeDate!.Value.DayNumber}天"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"孕{weeks}周");
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

        var township = await db.Divisions.Where(d => d.Code == pregnancy.TownshipCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
            ?? pregnancy.TownshipCode;
        var action = templates.Actions[colour];
        var values = new Dictionary<string, string>
        {
            ["sign"] = settings.SignName,
            ["township"] = township,
            ["name"] = alert.MaskedName,
            ["weeks"] = weeks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["stage"] = stage,
            ["colour"] = templates.Colours[colour],
            ["factor"] = alert.Factor,
            ["action"] = action.Action,
            ["deadline"] = (clock.Now + TimeSpan.FromHours(action.DeadlineHours)).ToOffset(TimeSpan.FromHours(8)).ToString("M月d日H时", System.Globalization.CultureInfo.InvariantCulture),
        };
        var text = SmsTemplates.Fill(templates.Alert.Text, values);
        var told = await recipients.ForAlertAsync(pregnancy.DivisionCode, pregnancy.FacilityCode, pregnancy.ResponsibleUserId, pregnancy.HealthWorker, cancellationToken);
        if (told.Count == 0)
        {
            // Nobody where she lives: the escalation contacts at once (the nearest levels up to the province that have
            // them), or a flag the administrators see.
            told = await recipients.ForEscalationAsync(pregnancy.DivisionCode, cancellationToken);
            alert.FoundNoRecipient(told.Count, clock.Now);
        }

        foreach (var recipient in told)
        {
            db.SmsMessages.Add(SmsMessage.Queue(
                $"alert:{alert.Id}:{recipient.Mobile}", SmsKind.Alert, alert.Id, recipient.Mobile, text, templates.Alert.TemplateCode, values, clock.Now, settings.TimeToLive));
        }
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
