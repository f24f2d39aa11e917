using HighRisk.Features.Accounts;
using HighRisk.Localization;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HighRisk.Pages;

/// <summary>Signs in with the same command as the API's login, then issues the web app's cookie (a session cookie).</summary>
[EnableRateLimiting(AuthEndpoints.SignInRateLimit)]
public sealed class SignInModel(ISender sender) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Target) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        Form = FormState.Of(Request.Form);
        var result = await TrySendAsync(ct => sender.Send(new SignIn.Command(Form.Text("userName"), Form.Value("password")), ct));
        if (result?.Principal is { } principal)
        {
            await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal);
            return LocalRedirect(Target);
        }

        if (result is not null)
        {
            Form.Problem = (result.Failure ?? Messages.SignInWrong).Shown;
        }

        // The password is never sent back to the browser.
        Form.Set("password", null);
        return Rejected();
    }

    private string Target => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
