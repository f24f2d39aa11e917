using HighRisk.Features.Reminders;
using HighRisk.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>Her consent to SMS reminders, given or withdrawn (the form is on her record; this page shows it again with the errors), sent as <see cref="RecordSmsConsent.Command"/>.</summary>
public sealed class SmsConsentModel(ISender sender, BusinessClock clock) : PregnancyPage(sender)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Form.Set("date", clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return await LoadPregnancyAsync(id, ct) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new RecordSmsConsent.Command { PregnancyId = id, Given = Form.Bool("given"), Date = Form.Date("date"), Note = Form.Text("note") };
        if (await TrySendAsync(c => Sender.Send(command, c)) is not null)
        {
            Confirm(Flash.SmsConsentSaved);
            return Redirect($"/pregnancies/{id}#reminders-heading");
        }

        return !Missing && await LoadPregnancyAsync(id, ct) ? Rejected() : NotFoundPage();
    }
}
