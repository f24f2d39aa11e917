using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Referrals;

/// <summary>The referral slip to print (双向转诊单): the referral with the summary made then, and the feedback (回执) once sent.</summary>
public sealed class SlipModel(ISender sender) : ReferralPage(sender)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadReferralAsync(id, ct) ? Page() : NotFoundPage();
}
