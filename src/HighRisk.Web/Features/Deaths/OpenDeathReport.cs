using System.Globalization;
using HighRisk.Features.Alerts;
using HighRisk.Features.Cases;
using HighRisk.Features.Messaging;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Deaths;

/// <summary>
/// A pregnancy closed with a maternal death: the death report opens, due within the policy's hours, and the county and
/// city MCH contacts are told by SMS in the same transaction (outbox).
/// </summary>
public sealed class OpenDeathReport(
    HighRiskDb db, AlertRecipients recipients, SmsTemplates templates, MessageSettings settings, CasePolicy policy, BusinessClock clock)
    : INotificationHandler<EpisodeEnded>
{
    public async ValueTask Handle(EpisodeEnded notification, CancellationToken cancellationToken)
    {
        var pregnancy = notification.Pregnancy;
        if (pregnancy.Outcome != PregnancyOutcome.MaternalDeath)
        {
            return;
        }

        var visits = await db.Exams.CountAsync(e => e.PregnancyId == pregnancy.Id, cancellationToken) + 1;
        var report = DeathReport.Open(
            Guid.CreateVersion7(clock.Now), pregnancy.Id, pregnancy.DivisionCode, pregnancy.TownshipCode, pregnancy.FacilityCode, pregnancy.OutcomeDate!.Value,
            pregnancy.Address, visits, GestationalAge.FromLmp(pregnancy.Lmp, pregnancy.BookingDate < pregnancy.Lmp ? pregnancy.Lmp : pregnancy.BookingDate).Weeks,
            TimeSpan.FromHours(policy.DeathReportWithinHours), clock.Now);
        db.DeathReports.Add(report);

        var township = await db.Divisions.Where(d => d.Code == pregnancy.TownshipCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
            ?? pregnancy.TownshipCode;
        var values = new Dictionary<string, string>
        {
            ["sign"] = settings.SignName,
            ["township"] = township,
            ["name"] = await db.Women.Where(w => w.Id == pregnancy.WomanId).Select(w => w.FullNameMasked).SingleAsync(cancellationToken),
            ["date"] = report.DiedOn.ToString("M月d日", CultureInfo.InvariantCulture),
            ["deadline"] = report.DueAt.ToOffset(TimeSpan.FromHours(8)).ToString("M月d日H时", CultureInfo.InvariantCulture),
        };
        var text = SmsTemplates.Fill(templates.DeathReport.Text, values);
        foreach (var recipient in await recipients.ForEscalationAsync(pregnancy.DivisionCode, cancellationToken))
        {
            db.SmsMessages.Add(SmsMessage.Queue(
                $"death:{report.Id}:{recipient.Mobile}", SmsKind.DeathReport, null, recipient.Mobile, text, templates.DeathReport.TemplateCode, values,
                clock.Now, settings.TimeToLive));
        }
    }
}
