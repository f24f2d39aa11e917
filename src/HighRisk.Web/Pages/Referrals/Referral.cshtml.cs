using System.Globalization;
using HighRisk.Features.Referrals;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Referrals;

/// <summary>
/// One referral: her, the urgency and reason, every step with who and when, the feedback, the summary made at referral,
/// and the forms of the side the user is on, each sent as the API's command — the receiving facility's
/// <see cref="AcceptReferral"/>, <see cref="DeclineReferral"/>, <see cref="RecordArrival"/> and <see cref="CompleteReferral"/>,
/// the sending side's <see cref="CancelReferral"/>.
/// </summary>
public sealed class ReferralModel(ISender sender, BusinessClock clock) : ReferralPage(sender)
{
    /// <summary>The form that was posted and rejected (accept, decline, arrive, complete, cancel): its messages show above it.</summary>
    public string? Posted { get; private set; }

    public ReferralSummary Summary => Referral.Referral;

    public bool MayAnswer => Referral.IsReceiver && Summary.Status == ReferralStatus.Requested;

    public bool MayArrive => Referral.IsReceiver && Summary.Status == ReferralStatus.Accepted;

    public bool MayComplete => Referral.IsReceiver && Summary.Status == ReferralStatus.Arrived;

    public bool MayCancel => Referral.IsSender && Summary.Status is ReferralStatus.Requested or ReferralStatus.Accepted;

    /// <summary>Whether the page still shows a form (not when a colleague's step has moved the referral on meanwhile).</summary>
    public bool Offers(string form) => form switch
    {
        "accept" or "decline" => MayAnswer,
        "arrive" => MayArrive,
        "complete" => MayComplete,
        _ => MayCancel,
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFoundPage();

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        PostAsync(id, "accept", c => Sender.Send(new AcceptReferral.Command { ReferralId = id }, c), Flash.ReferralAccepted, ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new DeclineReferral.Command { ReferralId = id, Reason = Form.Text("decline.reason") };
        return PostAsync(id, "decline", c => Sender.Send(command, c), Flash.ReferralDeclined, ct);
    }

    public Task<IActionResult> OnPostArriveAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new RecordArrival.Command { ReferralId = id, Date = Form.Date("arrive.date") };
        return PostAsync(id, "arrive", c => Sender.Send(command, c), Flash.ArrivalRecorded, ct);
    }

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new CompleteReferral.Command
        {
            ReferralId = id,
            Findings = Form.Text("complete.findings"),
            Treatment = Form.Text("complete.treatment"),
            Advice = Form.Text("complete.advice"),
            FollowUpOn = Form.Date("complete.followUpOn"),
        };
        return PostAsync(id, "complete", c => Sender.Send(command, c), Flash.FeedbackSent, ct);
    }

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new CancelReferral.Command { ReferralId = id, Reason = Form.Text("cancel.reason") };
        return PostAsync(id, "cancel", c => Sender.Send(command, c), Flash.ReferralCancelled, ct);
    }

    /// <summary>The state a step was refused in, in words (the command names it by its API name).</summary>
    protected override void OnConflict(ConflictException conflict)
    {
        if (conflict.Values.TryGetValue("State", out var state) && state is string name)
        {
            Form.Problem = Messages.For(conflict.Code, new Dictionary<string, object?>(conflict.Values) { ["State"] = Labels.ReferralStatus(name) }, conflict.Message);
        }
    }

    /// <summary>Sends a step; the form's fields are named after it (<c>decline.reason</c>), so each message lands beside its field.</summary>
    private async Task<IActionResult> PostAsync(Guid id, string form, Func<CancellationToken, ValueTask<ReferralSummary>> send, string flash, CancellationToken ct)
    {
        if (await TrySendAsync(send, field => $"{form}.{field}") is not null)
        {
            Confirm(flash);
            return Redirect($"/referrals/{id}");
        }

        Posted = form;
        return !Missing && await LoadAsync(id, ct) ? Rejected() : NotFoundPage();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadReferralAsync(id, ct))
        {
            return false;
        }

        if (Posted != "arrive")
        {
            Form.Set("arrive.date", clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return true;
    }
}
