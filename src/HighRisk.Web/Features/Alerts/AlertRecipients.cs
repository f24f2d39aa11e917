using HighRisk.Features.Accounts;
using HighRisk.Features.Contacts;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Alerts;

/// <summary>
/// Who is told about a pregnancy: the responsible health worker (her account's mobile), the MCH staff of her
/// township and the county MCH institution's on-duty number — each role taken from the nearest level of the division
/// tree (village → township → county → city → province) that has such a contact. An alert that finds none of them
/// goes at once to the escalation contacts (<see cref="ForEscalationAsync"/>); the administrators' list of divisions
/// without a contact (ListMissingContacts) asks the same rule through <see cref="ForDivisionsAsync"/>.
/// </summary>
public sealed class AlertRecipients(HighRiskDb db)
{
    /// <summary>Someone to tell; <paramref name="DivisionCode"/> is the level a division contact was found at.</summary>
    public sealed record Recipient(string Role, string Name, string Mobile, string? DivisionCode = null);

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

        recipients.AddRange(AlertContacts(await ContactsAboveAsync(divisionCode, ct), divisionCode));
        return Distinct(recipients);
    }

    /// <summary>Escalations go to the county on-duty number and the city MCH institution.</summary>
    public async Task<List<Recipient>> ForEscalationAsync(string divisionCode, CancellationToken ct) =>
        EscalationContacts(await ContactsAboveAsync(divisionCode, ct), divisionCode);

    /// <summary>
    /// For each division, who of the contacts a red alert there reaches (the health worker's mobile aside), and who it
    /// is escalated to: the same rule as <see cref="ForAlertAsync"/> and <see cref="ForEscalationAsync"/>, for many
    /// divisions at one reading of the contacts.
    /// </summary>
    public async Task<Dictionary<string, (List<Recipient> Alert, List<Recipient> Escalation)>> ForDivisionsAsync(IReadOnlyCollection<string> divisionCodes, CancellationToken ct)
    {
        var contacts = await ContactsAtAsync(divisionCodes.SelectMany(Levels).Distinct().ToList(), ct);
        return divisionCodes.Distinct().ToDictionary(code => code, code => (AlertContacts(contacts, code), EscalationContacts(contacts, code)));
    }

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

    /// <summary>A red alert's contacts: the township MCH staff and the county on-duty number, each from the nearest level that has one.</summary>
    private static List<Recipient> AlertContacts(List<DivisionContact> contacts, string divisionCode) =>
        Distinct([.. Nearest(contacts, divisionCode, ContactRole.SubdistrictStaff), .. Nearest(contacts, divisionCode, ContactRole.CountyOnDuty)]);

    private static List<Recipient> EscalationContacts(List<DivisionContact> contacts, string divisionCode) =>
        Distinct([.. Nearest(contacts, divisionCode, ContactRole.CountyOnDuty), .. Nearest(contacts, divisionCode, ContactRole.CityMch)]);

    private async Task<List<Recipient>> NearestAsync(string divisionCode, ContactRole role, CancellationToken ct) =>
        Nearest(await ContactsAboveAsync(divisionCode, ct), divisionCode, role);

    /// <summary>The contacts (with a mobile) of the division and every level above it.</summary>
    private Task<List<DivisionContact>> ContactsAboveAsync(string divisionCode, CancellationToken ct) => ContactsAtAsync(Levels(divisionCode).ToList(), ct);

    private Task<List<DivisionContact>> ContactsAtAsync(List<string> divisionCodes, CancellationToken ct) =>
        db.DivisionContacts.AsNoTracking()
            .Where(c => c.Role != ContactRole.FacilityOnDuty && c.Mobile != null && divisionCodes.Contains(c.DivisionCode))
            .ToListAsync(ct);

    /// <summary>The rule: a role's contacts at the nearest level of the tree (village → township → county → city → province) that has any.</summary>
    private static List<Recipient> Nearest(List<DivisionContact> contacts, string divisionCode, ContactRole role) =>
        Levels(divisionCode)
            .Select(prefix => contacts.Where(c => c.Role == role && c.Mobile != null && c.DivisionCode == prefix).ToList())
            .FirstOrDefault(here => here.Count > 0, [])
            .ConvertAll(c => new Recipient(role.ToString(), c.Name, c.Mobile!, c.DivisionCode));

    /// <summary>The division's own code and those of the levels above it, nearest first.</summary>
    private static IEnumerable<string> Levels(string divisionCode) =>
        new[] { 12, 9, 6, 4, 2 }.Where(l => l <= divisionCode.Length).Select(l => divisionCode[..l]);

    private static List<Recipient> Distinct(List<Recipient> recipients) =>
        recipients.DistinctBy(r => r.Mobile).ToList();
}
