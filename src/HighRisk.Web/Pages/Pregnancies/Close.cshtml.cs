using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>结案: the outcome, sent as <see cref="ClosePregnancy.Command"/>.</summary>
public sealed class CloseModel(ISender sender, BusinessClock clock) : PregnancyPage(sender)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Form.Set("date", clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return await LoadPregnancyAsync(id, ct) ? Page() : NotFoundPage();
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
            ReceivingFacility = Form.Text("receivingFacility"),
        };
        if (await TrySendAsync(c => Sender.Send(command, c)) is not null)
        {
            Confirm(Flash.Closed);
            return Redirect($"/pregnancies/{id}");
        }

        return !Missing && await LoadPregnancyAsync(id, ct) ? Rejected() : NotFoundPage();
    }
}
