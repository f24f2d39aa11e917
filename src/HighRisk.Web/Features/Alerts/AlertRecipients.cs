using HighRisk.Features.Accounts;
using HighRisk.Features.Contacts;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Alerts;

/// <summary>
/// Who is told about a pregnancy: the responsible health worker (her account's mobile), the MCH staff of her
/// township and the county MCH institution's on-duty number — each role taken from the nearest level of the division
/// tree (village → township → county → city → province) that has such a contact.
/// </summary>
public sealed class AlertRecipients(HighRiskDb db)
{
    public sealed record Recipient(string Role, string Name, string Mobile);

    public async Task<List<Recipient>> ForAlertAsync(string divisionCode, string facilityCode, Guid? responsibleUserId, string healthWorker, CancellationToken ct)
    {
        var recipients = new List<Recipient>();
        var worker = await db.Users.AsNoTracking()
            .Where(u => u.PhoneNumber != null && !u.Disabled && u.Role == StaffRole.HealthWorker
                && (u.Id == responsibleUserId || (u.FacilityCode == facilityCode && (u.DisplayName == healthWorker || u.UserName == healthWorker))))
            .OrderBy(u => u.Id == responsibleUserId ? 0 : 1)
            .Select(u => new Recipient("healthWorker", u.DisplayName, u.PhoneNumber!))
            .FirstOrDefaultAsync(ct);
        if (worker is not null)
        {
            recipients.Add(worker);
        }

        recipients.AddRange(await NearestAsync(divisionCode, ContactRole.SubdistrictStaff, ct));
        recipients.AddRange(await NearestAsync(divisionCode, ContactRole.CountyOnDuty, ct));
        return Distinct(recipients);
    }

    /// <summary>Escalations go to the county on-duty number and the city MCH institution.</summary>
    public async Task<List<Recipient>> ForEscalationAsync(string divisionCode, CancellationToken ct) =>
        Distinct([.. await NearestAsync(divisionCode, ContactRole.CountyOnDuty, ct), .. await NearestAsync(divisionCode, ContactRole.CityMch, ct)]);

    /// <summary>The county MCH institution's on-duty number(s) nearest the division: a late case report goes there.</summary>
    public async Task<List<Recipient>> CountyOnDutyAsync(string divisionCode, CancellationToken ct) =>
        Distinct(await NearestAsync(divisionCode, ContactRole.CountyOnDuty, ct));

    /// <summary>The township MCH staff nearest the division: what a sender without a mobile on the account is told.</summary>
    public async Task<List<Recipient>> SubdistrictStaffAsync(string divisionCode, CancellationToken ct) =>
        Distinct(await NearestAsync(divisionCode, ContactRole.SubdistrictStaff, ct));

    /// <summary>A facility's referral on-duty number(s).</summary>
    public async Task<List<Recipient>> FacilityOnDutyAsync(string facilityCode, CancellationToken ct) =>
        Distinct(await db.DivisionContacts.AsNoTracking()
            .Where(c => c.Role == ContactRole.FacilityOnDuty && c.FacilityCode == facilityCode && c.Mobile != null)
            .Select(c => new Recipient(nameof(ContactRole.FacilityOnDuty), c.Name, c.Mobile!))
            .ToListAsync(ct));
    /// <summary>The city MCH institution's contact(s) nearest the division: a city expert pool's late consultation goes there.</summary>
    public async Task<List<Recipient>> CityMchAsync(string divisionCode, CancellationToken ct) =>
        Distinct(await NearestAsync(divisionCode, ContactRole.CityMch, ct));

    private async Task<List<Recipient>> NearestAsync(string divisionCode, ContactRole role, CancellationToken ct)
    {
        int[] levels = [12, 9, 6, 4, 2];
        var prefixes = levels.Where(l => l <= divisionCode.Length).Select(l => divisionCode[..l]).ToList();
        var contacts = await db.DivisionContacts.AsNoTracking()
            .Where(c => c.Role == role && c.Mobile != null && prefixes.Contains(c.DivisionCode))
            .ToListAsync(ct);
        var nearest = contacts.Count == 0 ? 0 : contacts.Max(c => c.DivisionCode.Length);
        return contacts.Where(c => c.DivisionCode.Length == nearest)
            .Select(c => new Recipient(role.ToString(), c.Name, c.Mobile!))
            .ToList();
    }

    private static List<Recipient> Distinct(List<Recipient> recipients) =>
        recipients.DistinctBy(r => r.Mobile).ToList();
}
