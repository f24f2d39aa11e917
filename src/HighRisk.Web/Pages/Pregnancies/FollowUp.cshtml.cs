using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>随访: a call or visit, reached or not, sent as <see cref="RecordFollowUp.Command"/>.</summary>
public sealed class FollowUpModel(ISender sender, BusinessClock clock) : PregnancyPage(sender)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Form.Set("date", clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return await LoadPregnancyAsync(id, ct) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new RecordFollowUp.Command
        {
            PregnancyId = id,
            Date = Form.Date("date"),
            Kind = Form.Enum<ContactKind>("kind"),
            Reached = Form.Bool("reached"),
            Note = Form.Text("note"),
            NextAppointment = Form.Date("nextAppointment"),
            MovedAway = Form.Bool("movedAway") ?? false,
        };
        if (await TrySendAsync(c => Sender.Send(command, c)) is not null)
        {
            Confirm(Flash.FollowUpSaved);
            return Redirect($"/pregnancies/{id}");
        }

        return !Missing && await LoadPregnancyAsync(id, ct) ? Rejected() : NotFoundPage();
    }
}
