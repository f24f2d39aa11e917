using FluentValidation;
using HighRisk.Features.Overdue;
using HighRisk.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Overdue;

/// <summary>The overdue list of the user's area for a day, as <see cref="GetOverdueList"/> reads it, with its .xlsx download.</summary>
public sealed class IndexModel(ISender sender, BusinessClock clock) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    public GetOverdueList.Response? List { get; private set; }

    public string Day => (Date ?? clock.Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Form.Set("date", Request.Query["date"].ToString() is { Length: > 0 } typed ? typed : Day);
        if (!ModelState.IsValid)
        {
            Form.Add("date", Localization.ValidationMessages.NotADate);
            return Rejected();
        }

        try
        {
            List = await sender.Send(new GetOverdueList.Query(null, Date, "json"), ct);
        }
        catch (ValidationException rejected)
        {
            Form.Add(rejected);
            return Rejected();
        }

        return Page();
    }
}
