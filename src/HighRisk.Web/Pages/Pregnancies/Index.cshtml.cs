using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Divisions;
using HighRisk.Features.Pregnancies;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Pregnancies;

/// <summary>The register of the user's area, filtered and keyset-paged by <see cref="ListPregnancies"/>.</summary>
public sealed class IndexModel(ISender sender, CurrentUser user) : FormPage
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)]
    public string? Grade { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Purple { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>open (the default), closed or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public ListPregnancies.Response Result { get; private set; } = new([], null);

    /// <summary>The divisions one level below the user's area, for the area filter and the rows' place names.</summary>
    public IReadOnlyList<ListDivisions.Item> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Status ??= "open";
        Form.Set("q", Q);
        Areas = await sender.Send(new ListDivisions.Query(user.DivisionPrefix ?? "43"), ct);
        try
        {
            Result = await sender.Send(new ListPregnancies.Query(Area, Grade, Purple, Status == "all" ? null : Status, Q, Cursor, PageSize, Overdue), ct);
        }
        catch (ValidationException rejected)
        {
            Form.Add(rejected, field => field == "division" ? "area" : field);
            return Rejected();
        }

        return Page();
    }

    public string PlaceOf(string divisionCode) =>
        Areas.FirstOrDefault(a => divisionCode.StartsWith(a.Code, StringComparison.Ordinal))?.Name ?? divisionCode;

    /// <summary>This list's address with the same filters and another cursor.</summary>
    public string PageUrl(string? cursor) => "/pregnancies" + QueryString.Create(new Dictionary<string, string?>
    {
        ["grade"] = Grade,
        ["purple"] = Purple?.ToString().ToLowerInvariant(),
        ["overdue"] = Overdue?.ToString().ToLowerInvariant(),
        ["area"] = Area,
        ["q"] = Q,
        ["status"] = Status,
        ["cursor"] = cursor,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
