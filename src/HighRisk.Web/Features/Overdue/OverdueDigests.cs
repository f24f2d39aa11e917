using System.Globalization;
using HighRisk.Features.Alerts;
using HighRisk.Features.Contacts;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Overdue;

/// <summary>
/// The morning's messages to each township's MCH staff (街道/乡镇妇幼专干), queued in the outbox with the lists: an SMS
/// digest to each staff mobile (seeds/templates/sms.json) and an email with the day's list as .xlsx to each staff address.
/// De-duplicated per date, township and recipient.
/// </summary>
public sealed class OverdueDigests(HighRiskDb db, SmsTemplates templates, MessageSettings settings, Divisions.DivisionNames divisions)
{
    public async Task<(int Sms, int Mail)> QueueAsync(DateOnly date, IReadOnlyList<OverdueList> lists, DateTimeOffset now, CancellationToken ct)
    {
        var townships = lists.Select(l => l.TownshipCode).ToList();
        var staff = await db.DivisionContacts.AsNoTracking()
            .Where(c => c.Role == ContactRole.SubdistrictStaff && townships.Contains(c.DivisionCode))
            .ToListAsync(ct);
        var names = await divisions.OfAsync(db, townships, ct);
        int sms = 0, mail = 0;
        foreach (var list in lists)
        {
            var place = names.GetValueOrDefault(list.TownshipCode, list.TownshipCode);
            var url = $"{settings.PublicUrl}/overdue?division={list.TownshipCode}&date={date:yyyy-MM-dd}";
            var values = Values(date, list, place, url);
            foreach (var contact in staff.Where(c => c.DivisionCode == list.TownshipCode))
            {
                if (contact.Mobile is { } mobile)
                {
                    db.SmsMessages.Add(SmsMessage.Queue(
                        $"digest:{date:yyyy-MM-dd}:{list.TownshipCode}:{mobile}", SmsKind.Digest, null, mobile, SmsTemplates.Fill(templates.Digest.Text, values),
                        templates.Digest.TemplateCode, values, now, settings.DigestTimeToLive));
                    sms++;
                }

                if (contact.Email is { } email)
                {
                    db.MailMessages.Add(Mail(date, list, place, url, contact.Name, email, now));
                    mail++;
                }
            }
        }

        return (sms, mail);
    }

    private Dictionary<string, string> Values(DateOnly date, OverdueList list, string place, string url) => new()
    {
        ["sign"] = settings.SignName,
        ["township"] = place,
        ["date"] = date.ToString("M月d日", CultureInfo.InvariantCulture),
        ["total"] = Number(list.Total),
        ["red"] = Number(list.Red),
        ["orange"] = Number(list.Orange),
        ["purple"] = Number(list.Purple),
        ["yellow"] = Number(list.Yellow),
        ["green"] = Number(list.Green),
        ["lost"] = Number(list.Lost),
        ["link"] = url,
    };

    private static MailMessage Mail(DateOnly date, OverdueList list, string place, string url, string name, string email, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DedupKey = $"digest:{date:yyyy-MM-dd}:{list.TownshipCode}:{email}",
        Recipient = email,
        Subject = $"{place} {date:yyyy-MM-dd} 逾期随访名单（{list.Total}人）",
        Body = $"{name}：\n\n{place}{date:yyyy年M月d日}逾期随访{list.Total}人（红{list.Red}、橙{list.Orange}、紫{list.Purple}、黄{list.Yellow}、绿{list.Green}，失访{list.Lost}），名单见附件。\n在线查看：{url}\n",
        OverdueListId = list.Id,
        AttachmentName = $"逾期随访名单-{list.TownshipCode}-{date:yyyyMMdd}.xlsx",
        Status = MailStatus.Queued,
        CreatedAt = now,
    };

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
