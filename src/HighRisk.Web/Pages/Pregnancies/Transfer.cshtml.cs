using HighRisk.Features.Divisions;
using HighRisk.Features.Transfers;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>
/// 转出: transfers her to a township (or a village under it) anywhere in the deployment, chosen city → county → township →
/// village, with a reason; sent as <see cref="TransferPregnancy.Command"/>. Her record follows, saying the transfer waits.
/// </summary>
public sealed class TransferModel(ISender sender) : PregnancyPage(sender)
{
    public IReadOnlyList<ListDivisions.Item> Cities { get; private set; } = [];

    public IReadOnlyList<ListDivisions.Item> Counties { get; private set; } = [];

    public IReadOnlyList<ListDivisions.Item> Townships { get; private set; } = [];

    public IReadOnlyList<ListDivisions.Item> Villages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPregnancyAsync(id, ct))
        {
            return NotFoundPage();
        }

        Form.Set("city", Pregnancy.DivisionCode[..4]);
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Without script, the lower levels follow the levels chosen by posting the form back.</summary>
    public async Task<IActionResult> OnPostDivisionsAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        return await LoadAsync(id, ct) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new TransferPregnancy.Command { PregnancyId = id, ToDivisionCode = Destination(), Reason = Form.Text("reason") };
        if (await TrySendAsync(c => Sender.Send(command, c), field => field == "toDivisionCode" ? "township" : field) is not null)
        {
            Confirm(Flash.TransferSent);
            return Redirect($"/pregnancies/{id}");
        }

        return !Missing && await LoadAsync(id, ct) ? Rejected() : NotFoundPage();
    }

    /// <summary>The village chosen, else the township; a level left over from another choice above it (without script) does not count.</summary>
    private string? Destination() =>
        Chosen("township", Chosen("county", Chosen("city", null))) is not { } township ? null
        : Chosen("village", township) ?? township;

    /// <summary>A level's value when it lies under the level above (given) or is the first level.</summary>
    private string? Chosen(string name, string? above) =>
        Form.Text(name) is { } code && code.All(char.IsAsciiDigit) && (above is null ? name == "city" : code.StartsWith(above, StringComparison.Ordinal)) ? code : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPregnancyAsync(id, ct))
        {
            return false;
        }

        await LoadChoicesAsync(ct);
        return true;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Cities = await Sender.Send(new ListDivisions.Query(Pregnancy.DivisionCode[..2]), ct);
        var city = Chosen("city", null);
        var county = Chosen("county", city);
        var township = Chosen("township", county);
        Counties = city is null ? [] : await Sender.Send(new ListDivisions.Query(city), ct);
        Townships = county is null ? [] : await Sender.Send(new ListDivisions.Query(county), ct);
        Villages = township is null ? [] : await Sender.Send(new ListDivisions.Query(township), ct);
    }
}
