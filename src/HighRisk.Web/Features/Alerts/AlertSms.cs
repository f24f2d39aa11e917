using System.Globalization;
using HighRisk.Features.Messaging;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Alerts;

/// <summary>
/// An alert's SMS, one outbox message per recipient, worded as of the moment the alert was raised (her stage that day,
/// the action's deadline from then): when it is raised, and again for one that reached nobody once someone is there.
/// Each message's de-duplication key is the alert and the number, so no number is queued twice for one alert.
/// </summary>
public sealed class AlertSms(HighRiskDb db, SmsTemplates templates, BusinessClock clock, MessageSettings settings)
{
    public async Task QueueAsync(Alert alert, Pregnancy pregnancy, IEnumerable<AlertRecipients.Recipient> recipients, CancellationToken ct)
    {
        var raisedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(alert.CreatedAt, BusinessClock.Zone).DateTime);
        var stage = pregnancy.IsAfterBirth(raisedOn)
            ? $"产后{raisedOn.DayNumber - pregnancy.OutcomeDate!.Value.DayNumber}天"
            : string.Create(CultureInfo.InvariantCulture, $"孕{alert.GestationalWeeks}周");
        var township = await db.Divisions.Where(d => d.Code == alert.TownshipCode).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? alert.TownshipCode;
        var action = templates.Actions[alert.Colour];
        var values = new Dictionary<string, string>
        {
            ["sign"] = settings.SignName,
            ["township"] = township,
            ["name"] = alert.MaskedName,
            ["weeks"] = alert.GestationalWeeks.ToString(CultureInfo.InvariantCulture),
            ["stage"] = stage,
            ["colour"] = templates.Colours[alert.Colour],
            ["factor"] = alert.Factor,
            ["action"] = action.Action,
            ["deadline"] = (alert.CreatedAt + TimeSpan.FromHours(action.DeadlineHours)).ToOffset(TimeSpan.FromHours(8)).ToString("M月d日H时", CultureInfo.InvariantCulture),
        };
        var text = SmsTemplates.Fill(templates.Alert.Text, values);
        foreach (var recipient in recipients)
        {
            db.SmsMessages.Add(SmsMessage.Queue(
                $"alert:{alert.Id}:{recipient.Mobile}", SmsKind.Alert, alert.Id, recipient.Mobile, text, templates.Alert.TemplateCode, values, clock.Now, settings.TimeToLive));
        }
    }
}
