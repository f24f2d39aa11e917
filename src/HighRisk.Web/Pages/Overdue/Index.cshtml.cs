using FluentValidation;
using HighRisk.Features.Overdue;
using HighRisk.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Overdue;

/// <summary>
/// The overdue list of the user's area (or one township of it) for a day, as <see cref="GetOverdueList"/> reads it,
/// with its .xlsx download. A list over several townships opens with a line per township, so that a county or city
/// supervisor sees where the overdue women are and opens one township's names from there; the names of a long list
/// across townships are left to the township's page and the .xlsx.
/// </summary>
public sealed class IndexModel(ISender sender, BusinessClock clock) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    /// <summary>One township of the user's area; unset: the whole area.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Division { get; set; }

    public GetOverdueList.Response? List { get; private set; }

    /// <summary>Across townships, more names than this are not listed on the page (the township pages and the .xlsx have them).</summary>
    public const int MaxRowsAcrossTownships = 200;

    public IReadOnlyList<TownshipLine> Townships { get; private set; } = [];

    public bool ShowsRows => List is { } list && (Townships.Count <= 1 || list.Entries.Count <= MaxRowsAcrossTownships);

    public sealed record TownshipLine(string Code, string Name, GetOverdueList.Counts Counts);

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
            List = await sender.Send(new GetOverdueList.Query(string.IsNullOrWhiteSpace(Division) ? null : Division.Trim(), Date, "json"), ct);
        }
        catch (ValidationException rejected)
        {
            Form.Add(rejected);
            return Rejected();
        }

        Townships = [.. List.Entries.GroupBy(e => e.TownshipCode)
            .Select(g => new TownshipLine(g.Key, g.First().TownshipName ?? g.Key, GetOverdueList.Counts.Of([.. g])))
            .OrderByDescending(t => t.Counts.Red).ThenByDescending(t => t.Counts.Total)];
        return Page();
    }
}
