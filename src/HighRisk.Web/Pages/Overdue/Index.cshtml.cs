using FluentValidation;
using HighRisk.Features.Overdue;
using HighRisk.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Overdue;

/// <summary>
/// The overdue list of the user's area (or one township of it) for a day, as <see cref="GetOverdueList"/> reads it,
/// with its .xlsx download. A list over several townships opens with a line per township, so that a county or city
/// supervisor sees where the overdue women are and opens one township's names from there; the names follow, a page
/// at a time (the .xlsx has them all).
/// </summary>
public sealed class IndexModel(ISender sender, BusinessClock clock) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    /// <summary>One township of the user's area; unset: the whole area.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Division { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public const int PageSize = GetOverdueList.DefaultLimit;

    public GetOverdueList.Response? List { get; private set; }

    /// <summary>The townships of the list, most red first.</summary>
    public IReadOnlyList<GetOverdueList.TownshipLine> Townships { get; private set; } = [];

    public string Day => (Date ?? clock.Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Form.Set("date", Request.Query["date"].ToString() is { Length: > 0 } typed ? typed : Day);
        if (!ModelState.IsValid)
        {
            Form.Add("date", Localization.Texts.NotADate);
            return Rejected();
        }

        try
        {
            List = await sender.Send(new GetOverdueList.Query(string.IsNullOrWhiteSpace(Division) ? null : Division.Trim(), Date, "json", Cursor, PageSize), ct);
        }
        catch (ValidationException rejected)
        {
            Form.Add(rejected);
            return Rejected();
        }

        Townships = [.. List.Townships.OrderByDescending(t => t.Counts.Red).ThenByDescending(t => t.Counts.Total).ThenBy(t => t.Code, StringComparer.Ordinal)];
        return Page();
    }

    /// <summary>This list's address (the same day and township) with another cursor.</summary>
    public string PageUrl(string? cursor) => "/overdue" + QueryString.Create(new Dictionary<string, string?>
    {
        ["date"] = List?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["division"] = string.IsNullOrWhiteSpace(Division) ? null : Division.Trim(),
        ["cursor"] = cursor,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
