using HighRisk.Features.Cases;
using HighRisk.Features.Divisions;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>结案: the outcome, sent as <see cref="ClosePregnancy.Command"/>; for a delivery, where she gave birth among her city's midwifery facilities.</summary>
public sealed class CloseModel(ISender sender, BusinessClock clock) : PregnancyPage(sender)
{
    /// <summary>The facility chooser offers only the facilities listed (no place chosen elsewhere to keep).</summary>
    public static readonly IReadOnlyDictionary<string, FacilityFacts> NoneKnown = System.Collections.ObjectModel.ReadOnlyDictionary<string, FacilityFacts>.Empty;

    /// <summary>The facilities of her city that deliver (助产机构).</summary>
    public IReadOnlyList<ListFacilities.Item> DeliveryFacilities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Form.Set("date", clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return await LoadAsync(id, ct) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new ClosePregnancy.Command
        {
            PregnancyId = id,
            Outcome = Form.Enum<PregnancyOutcome>("outcome"),
            Date = Form.Date("date"),
            Mode = Form.Enum<DeliveryMode>("mode"),
            DischargeDate = Form.Date("dischargeDate"),
            DeliveryFacilityCode = Form.Text("deliveryFacilityCode"),
            ReceivingFacility = Form.Text("receivingFacility"),
        };
        if (await TrySendAsync(c => Sender.Send(command, c)) is not null)
        {
            Confirm(Flash.Closed);
            return Redirect($"/pregnancies/{id}");
        }

        return !Missing && await LoadAsync(id, ct) ? Rejected() : NotFoundPage();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPregnancyAsync(id, ct))
        {
            return false;
        }

        DeliveryFacilities = [.. (await Sender.Send(new ListFacilities.Query(Pregnancy.DivisionCode[..4]), ct)).Where(f => f.Midwifery)];
        return true;
    }
}
