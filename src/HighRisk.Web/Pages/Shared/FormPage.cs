using FluentValidation;
using HighRisk.Infrastructure;
using HighRisk.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HighRisk.Pages;

/// <summary>
/// A page with a form that sends one command. A rejected command comes back as messages on the form (400: beside
/// each field; 409: above the form), and the form is rendered again with what the user typed.
/// </summary>
public abstract class FormPage : PageModel
{
    public FormState Form { get; protected set; } = new();

    /// <summary>The record the page is about does not exist or is outside the user's area.</summary>
    public bool Missing { get; private set; }

    /// <summary>
    /// Sends unless reading the form already failed; null when the command was rejected. A record that does not exist
    /// (or is outside the user's area) sets <see cref="Missing"/>.
    /// </summary>
    protected async Task<T?> TrySendAsync<T>(Func<CancellationToken, ValueTask<T>> send, Func<string, string>? field = null)
        where T : class
    {
        if (!Form.IsValid)
        {
            return null;
        }

        try
        {
            return await send(HttpContext.RequestAborted);
        }
        catch (ValidationException rejected)
        {
            Form.Add(rejected, field);
        }
        catch (ConflictException conflict)
        {
            Form.Problem = Messages.For(conflict.Code, conflict.Values, conflict.Message);
            OnConflict(conflict);
        }
        catch (ForbiddenException forbidden)
        {
            Form.Problem = Messages.For(forbidden.Code, new Dictionary<string, object?>(), forbidden.Message);
        }
        catch (NotFoundException)
        {
            Form.Problem = Texts.NotFound;
            Missing = true;
        }

        return null;
    }

    /// <summary>Shows a one-line confirmation on the page the post redirects to (see <see cref="Flash"/>).</summary>
    protected void Confirm(string flash) => TempData[Flash.Key] = flash;

    protected virtual void OnConflict(ConflictException conflict)
    {
    }

    /// <summary>Renders the page's "not found" text with a 404.</summary>
    protected IActionResult NotFoundPage()
    {
        Missing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>Re-renders a rejected form; 400 tells scripts and tests that nothing was saved.</summary>
    protected IActionResult Rejected()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
