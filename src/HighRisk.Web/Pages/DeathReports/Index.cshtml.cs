using FluentValidation;
using HighRisk.Features.Deaths;
using HighRisk.Features.Divisions;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.DeathReports;

/// <summary>The maternal death reports of the user's area (<see cref="ListDeathReports"/>): those still due first, then the submitted, newest first.</summary>
public sealed class IndexModel(ISender sender) : FormPage
{
    /// <summary>due, submitted, or all (the default).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public IReadOnlyList<DeathReportView> Reports { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Townships { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Show = Show is "due" or "submitted" ? Show : "all";
        try
        {
            Reports = await sender.Send(new ListDeathReports.Query(null, Show == "all" ? null : Show), ct);
        }
        catch (ValidationException rejected)
        {
            Form.Add(rejected);
            return Rejected();
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var county in Reports.Select(r => r.DivisionCode[..6]).Distinct())
        {
            foreach (var township in await sender.Send(new ListDivisions.Query(county), ct))
            {
                names[township.Code] = township.Name;
            }
        }

        Townships = names;
        return Page();
    }

    /// <summary>The township of a report's division, by name.</summary>
    public string TownshipOf(string divisionCode) =>
        divisionCode.Length >= 9 && Townships.TryGetValue(divisionCode[..9], out var name) ? name : divisionCode;
}
