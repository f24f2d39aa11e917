using HighRisk.Features.Consultations;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>申请会诊: a question about her to an expert pool, sent as <see cref="AskConsultation.Command"/>.</summary>
public sealed class ConsultModel(ISender sender) : PregnancyPage(sender)
{
    /// <summary>The pools that answer for her division, for a clinician who wants a particular one.</summary>
    public IReadOnlyList<ExpertPoolView> Pools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new AskConsultation.Command
        {
            PregnancyId = id,
            Specialty = Form.Enum<Specialty>("specialty"),
            PoolId = Guid.TryParse(Form.Text("poolId"), out var pool) ? pool : null,
            Question = Form.Text("question"),
        };
        if (await TrySendAsync(c => Sender.Send(command, c)) is { } asked)
        {
            Confirm(Flash.ConsultationAsked);
            return Redirect($"/consultations/{asked.ConsultationId}");
        }

        return !Missing && await LoadAsync(id, ct) ? Rejected() : NotFoundPage();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPregnancyAsync(id, ct))
        {
            return false;
        }

        Pools = await Sender.Send(new ListExpertPools.Query(Pregnancy.DivisionCode), ct);
        return true;
    }
}
