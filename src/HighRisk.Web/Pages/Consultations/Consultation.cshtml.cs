using HighRisk.Features.Consultations;
using HighRisk.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Consultations;

/// <summary>
/// One consultation: the question, who she is, its state; for an expert of the pool the take button, for the expert who
/// took it the answer form with an optional raise of her colour — each sent as the API's command
/// (<see cref="TakeConsultation"/>, <see cref="AnswerConsultation"/>).
/// </summary>
public sealed class ConsultationModel(ISender sender) : FormPage
{
    public ConsultationView Consultation { get; private set; } = null!;

    /// <summary>The form that was posted and rejected (take, answer): its messages show above it.</summary>
    public string? Posted { get; private set; }

    public bool MayTake => Consultation.Actions.Contains(ConsultationView.Take);

    public bool MayAnswer => Consultation.Actions.Contains(ConsultationView.AnswerAction);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFoundPage();

    public Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken ct) =>
        PostAsync(id, "take", c => sender.Send(new TakeConsultation.Command { ConsultationId = id }, c), Flash.ConsultationTaken, ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var (colour, reason) = (Form.Text("raise.colour"), Form.Text("raise.reason"));
        var raise = colour is null && reason is null ? null : new AnswerConsultation.RaiseInput(colour, reason);
        var command = new AnswerConsultation.Command { ConsultationId = id, Answer = Form.Text("answer"), Raise = raise };
        return PostAsync(id, "answer", c => sender.Send(command, c), Flash.ConsultationAnswered, ct);
    }

    private async Task<IActionResult> PostAsync(Guid id, string form, Func<CancellationToken, ValueTask<ConsultationView>> send, string flash, CancellationToken ct)
    {
        if (await TrySendAsync(send) is not null)
        {
            Confirm(flash);
            return Redirect($"/consultations/{id}");
        }

        Posted = form;
        return !Missing && await LoadAsync(id, ct) ? Rejected() : NotFoundPage();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Consultation = await sender.Send(new GetConsultation.Query(id), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
