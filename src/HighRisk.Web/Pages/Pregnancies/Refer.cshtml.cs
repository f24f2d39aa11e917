using HighRisk.Features.Accounts;
using HighRisk.Features.Divisions;
using HighRisk.Features.Referrals;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>
/// 转诊: sends her to another facility of her city, sent as <see cref="ReferPregnancy.Command"/>; the referral's page
/// follows. Each urgency says how soon the receiving facility must answer, from the referral policy.
/// </summary>
public sealed class ReferModel(ISender sender, CurrentUser user, ReferralPolicy policy) : PregnancyPage(sender)
{
    /// <summary>The facilities of her city but the user's own (a referral goes elsewhere).</summary>
    public IReadOnlyList<ListFacilities.Item> Facilities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Form = FormState.Of(Request.Form);
        var command = new ReferPregnancy.Command
        {
            PregnancyId = id,
            ToFacilityCode = Form.Text("toFacilityCode"),
            Urgency = Form.Enum<ReferralUrgency>("urgency"),
            Reason = Form.Text("reason"),
            Note = Form.Text("note"),
            SmsOnFeedback = Form.Bool("smsOnFeedback") ?? false,
        };
        if (await TrySendAsync(c => Sender.Send(command, c)) is { } referred)
        {
            Confirm(Flash.ReferralSent);
            return Redirect($"/referrals/{referred.ReferralId}");
        }

        return !Missing && await LoadAsync(id, ct) ? Rejected() : NotFoundPage();
    }

    /// <summary>How soon the receiving facility must answer a referral of this urgency.</summary>
    public Text AnswerWithin(ReferralUrgency urgency)
    {
        var key = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(urgency.ToString());
        return policy.AcceptWithinHours.TryGetValue(key, out var hours)
            ? Texts.AnswerWithinHours.With(hours)
            : Texts.AnswerWithinDays.With(policy.AcceptWithinWorkingDays.GetValueOrDefault(key));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPregnancyAsync(id, ct))
        {
            return false;
        }

        Facilities = [.. (await Sender.Send(new ListFacilities.Query(Pregnancy.DivisionCode[..4]), ct)).Where(f => f.Code != user.ReferralFacility)];
        return true;
    }
}
