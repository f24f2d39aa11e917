using System.Globalization;
using HighRisk.Features.Alerts;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Referrals;

/// <summary>
/// The SMS a referral sends, through the outbox in the command's transaction: an emergency to the receiving facility's
/// on-duty number; a late answer or outcome to that number and the sender; the feedback to a sender who asked for it.
/// The sender is her account's mobile, or her area's township MCH staff when the account has none. Each key is
/// idempotent, so a retried command queues nothing twice.
/// </summary>
public sealed class ReferralMessages(HighRiskDb db, AlertRecipients recipients, SmsTemplates templates, MessageSettings settings, BusinessClock clock)
{
    public async Task<int> QueueEmergencyAsync(Referral referral, CancellationToken ct)
    {
        var values = await ValuesAsync(referral, ct);
        values["deadline"] = Local(referral.AcceptBy);
        return Queue(referral, "emergency", templates.ReferralEmergency, values, await recipients.FacilityOnDutyAsync(referral.ToFacilityCode, ct));
    }

    public async Task<int> QueueLateAsync(Referral referral, ReferralEscalation late, CancellationToken ct)
    {
        var to = (await recipients.FacilityOnDutyAsync(referral.ToFacilityCode, ct)).Concat(await SenderAsync(referral, ct)).DistinctBy(r => r.Mobile).ToList();
        var queued = 0;
        foreach (var (escalation, what, deadline) in new[]
                 {
                     (ReferralEscalation.Answer, "接收确认", Local(referral.AcceptBy)),
                     (ReferralEscalation.Outcome, "结果反馈", referral.OutcomeDue.ToString("M月d日", CultureInfo.InvariantCulture)),
                 })
        {
            if (late.HasFlag(escalation))
            {
                var values = await ValuesAsync(referral, ct);
                values["what"] = what;
                values["deadline"] = deadline;
                queued += Queue(referral, $"late-{escalation}", templates.ReferralLate, values, to);
            }
        }

        return queued;
    }

    public async Task<int> QueueFeedbackAsync(Referral referral, CancellationToken ct)
    {
        var values = await ValuesAsync(referral, ct);
        values["date"] = referral.FollowUpOn?.ToString("M月d日", CultureInfo.InvariantCulture) ?? "";
        return Queue(referral, "feedback", templates.ReferralFeedback, values, await SenderAsync(referral, ct));
    }

    private int Queue(Referral referral, string what, SmsTemplates.Template template, Dictionary<string, string> values, List<AlertRecipients.Recipient> to)
    {
        var text = SmsTemplates.Fill(template.Text, values);
        foreach (var recipient in to)
        {
            db.SmsMessages.Add(SmsMessage.Queue(
                $"referral:{referral.Id}:{what}:{recipient.Mobile}", SmsKind.Referral, null, recipient.Mobile, text, template.TemplateCode, values, clock.Now,
                settings.TimeToLive));
        }

        return to.Count;
    }

    private async Task<List<AlertRecipients.Recipient>> SenderAsync(Referral referral, CancellationToken ct)
    {
        var mobile = await db.Users.AsNoTracking().Where(u => u.Id == referral.ReferredById && !u.Disabled && u.PhoneNumber != null)
            .Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        return mobile is not null ? [new AlertRecipients.Recipient("sender", referral.ReferredBy, mobile)] : await recipients.SubdistrictStaffAsync(referral.DivisionCode, ct);
    }

    private async Task<Dictionary<string, string>> ValuesAsync(Referral referral, CancellationToken ct)
    {
        var name = await db.Pregnancies.IgnoreQueryFilters().Where(p => p.Id == referral.PregnancyId).Select(p => p.Woman.FullNameMasked).SingleAsync(ct);
        var townshipCode = referral.DivisionCode[..Math.Min(9, referral.DivisionCode.Length)];
        var township = await db.Divisions.Where(d => d.Code == townshipCode).Select(d => d.Name).FirstOrDefaultAsync(ct);
        var facility = await db.Facilities.Where(f => f.Code == referral.ToFacilityCode).Select(f => f.Name).FirstOrDefaultAsync(ct);
        var colour = referral.Slip is { } slip && slip.Purple && slip.Colour != "red" ? "purple" : referral.Slip?.Colour ?? "";
        return new Dictionary<string, string>
        {
            ["sign"] = settings.SignName,
            ["township"] = township ?? "",
            ["name"] = name,
            ["colour"] = templates.Colours.GetValueOrDefault(colour, colour),
            ["facility"] = facility ?? referral.ToFacilityCode,
        };
    }

    private static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("M月d日H:mm", CultureInfo.InvariantCulture);
}
