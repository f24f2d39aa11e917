using System.Globalization;
using HighRisk.Features.Alerts;
using HighRisk.Features.Contacts;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>
/// The morning's case digest to each county MCH institution (its on-duty contacts), queued with the township overdue
/// digests: how many cases it manages and how many carry each flag — late report, no plan, plan overdue, level mismatch —
/// as the cases' own review left them, with the link to the board filtered to the county. Only a county with a flagged
/// case is told. An SMS to each mobile and a plain email to each address, de-duplicated per date, county and recipient.
/// </summary>
public sealed class CaseDigests(HighRiskDb db, SmsTemplates templates, MessageSettings settings, Divisions.DivisionNames divisions)
{
    public sealed record CountyCounts(string County, int Open, int Red, int LateReport, int NoPlan, int PlanOverdue, int LevelMismatch)
    {
        public bool Flagged => LateReport + NoPlan + PlanOverdue + LevelMismatch > 0;
    }

    public async Task<(int Sms, int Mail)> QueueAsync(DateOnly date, DateTimeOffset now, CancellationToken ct)
    {
        var counties = (await db.Cases.AsNoTracking().IgnoreQueryFilters()
                .Where(c => c.Status == CaseStatus.Open)
                .GroupBy(c => c.DivisionCode.Substring(0, 6))
                .Select(g => new CountyCounts(
                    g.Key, g.Count(), g.Count(c => c.Colour == RiskColour.Red), g.Count(c => c.ReportLate), g.Count(c => c.NoPlan), g.Count(c => c.PlanOverdue),
                    g.Count(c => c.LevelMismatch)))
                .ToListAsync(ct))
            .Where(c => c.Flagged).ToList();
        var codes = counties.Select(c => c.County).ToList();
        var contacts = await db.DivisionContacts.AsNoTracking().Where(c => c.Role == ContactRole.CountyOnDuty && codes.Contains(c.DivisionCode)).ToListAsync(ct);
        var names = await divisions.OfAsync(db, codes, ct);
        int sms = 0, mail = 0;
        foreach (var county in counties)
        {
            var place = names.GetValueOrDefault(county.County, county.County);
            var values = Values(date, county, place, $"{settings.PublicUrl}/cases?division={county.County}");
            var text = SmsTemplates.Fill(templates.CaseDigest.Text, values);
            foreach (var contact in contacts.Where(c => c.DivisionCode == county.County))
            {
                if (contact.Mobile is { } mobile)
                {
                    db.SmsMessages.Add(SmsMessage.Queue(
                        $"case-digest:{date:yyyy-MM-dd}:{county.County}:{mobile}", SmsKind.Digest, null, mobile, text, templates.CaseDigest.TemplateCode, values, now,
                        settings.DigestTimeToLive));
                    sms++;
                }

                if (contact.Email is { } email)
                {
                    db.MailMessages.Add(new MailMessage
                    {
                        Id = Guid.CreateVersion7(now),
                        DedupKey = $"case-digest:{date:yyyy-MM-dd}:{county.County}:{email}",
                        Recipient = email,
                        Subject = $"{place} {date:yyyy-MM-dd} 高危孕产妇专案管理提示",
                        Body = $"{contact.Name}：\n\n{text}\n",
                        Status = MailStatus.Queued,
                        CreatedAt = now,
                    });
                    mail++;
                }
            }
        }

        return (sms, mail);
    }

    private Dictionary<string, string> Values(DateOnly date, CountyCounts county, string place, string link) => new()
    {
        ["sign"] = settings.SignName,
        ["county"] = place,
        ["date"] = date.ToString("M月d日", CultureInfo.InvariantCulture),
        ["open"] = Number(county.Open),
        ["red"] = Number(county.Red),
        ["lateReport"] = Number(county.LateReport),
        ["noPlan"] = Number(county.NoPlan),
        ["planOverdue"] = Number(county.PlanOverdue),
        ["levelMismatch"] = Number(county.LevelMismatch),
        ["link"] = link,
    };

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
