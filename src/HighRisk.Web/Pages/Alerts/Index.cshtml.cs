using HighRisk.Features.Accounts;
using HighRisk.Features.Alerts;
using HighRisk.Features.Contacts;
using HighRisk.Features.Divisions;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Alerts;

/// <summary>The alert inbox of the user's area; an alert is acknowledged with the action taken (<see cref="AcknowledgeAlert"/>).</summary>
public sealed class IndexModel(ISender sender, CurrentUser user) : FormPage
{
    /// <summary>pending (open or escalated: nobody has acknowledged them; the default), acknowledged, or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public IReadOnlyList<AlertView> Alerts { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Townships { get; private set; } = new Dictionary<string, string>();

    /// <summary>For administrators: alerts that reached nobody, and the townships without a contact.</summary>
    public ListMissingContacts.Response? MissingContacts { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid alertId, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var field = $"action.{alertId}";
        if (await TrySendAsync(c => sender.Send(new AcknowledgeAlert.Command { AlertId = alertId, Action = Form.Text(field) }, c), _ => field) is not null)
        {
            Confirm(Flash.AlertAcknowledged);
            return Redirect(Show is null ? "/alerts" : $"/alerts?show={Uri.EscapeDataString(Show)}");
        }

        await LoadAsync(ct);
        return Rejected();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Show = Show is "acknowledged" or "all" ? Show : "pending";
        Alerts = Show switch
        {
            "all" => (await sender.Send(new ListAlerts.Query(null, null, null), ct)).Items,
            "acknowledged" => (await sender.Send(new ListAlerts.Query(null, null, "acknowledged"), ct)).Items,
            _ => (await sender.Send(new ListAlerts.Query(null, null, "open"), ct)).Items
                .Concat((await sender.Send(new ListAlerts.Query(null, null, "escalated"), ct)).Items)
                .OrderByDescending(a => a.CreatedAt)
                .ToList(),
        };

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var county in Alerts.Select(a => a.TownshipCode[..6]).Distinct())
        {
            foreach (var township in await sender.Send(new ListDivisions.Query(county), ct))
            {
                names[township.Code] = township.Name;
            }
        }

        Townships = names;
        MissingContacts = user.IsAdministrator ? await sender.Send(new ListMissingContacts.Query(), ct) : null;
    }
}
