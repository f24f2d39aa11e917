using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Cases;
using HighRisk.Features.Divisions;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Cases;

/// <summary>
/// 专案管理 (逐一追踪、动态管理): the cases of the user's area as <see cref="ListCases"/> orders them — red first, then
/// overdue, then the nearest EDD — filtered by area, colour, status, manager and flags, keyset-paged; above them, the
/// maternal death reports of the area still due.
/// </summary>
public sealed class IndexModel(ISender sender, CurrentUser user) : FormPage
{
    public const int PageSize = 30;

    /// <summary>One division under the user's area (a township for county staff, a county for city staff).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    /// <summary>green, yellow, orange, red or purple.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Colour { get; set; }

    /// <summary>open (the default), closed or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>me, none, or an account's id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Manager { get; set; }

    /// <summary>The flags ticked; a case must carry them all.</summary>
    [BindProperty(SupportsGet = true)]
    public string[] Flag { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public ListCases.Response Result { get; private set; } = new([], null, []);

    public IReadOnlyList<ListDivisions.Item> Areas { get; private set; } = [];

    private readonly Dictionary<string, string> _facilities = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Status ??= "open";
        Areas = await sender.Send(new ListDivisions.Query(user.DivisionPrefix ?? "43"), ct);
        try
        {
            var flags = Flag.Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
            Result = await sender.Send(new ListCases.Query(Area, Colour, Status, Manager, flags.Count == 0 ? null : string.Join(',', flags), Cursor, PageSize), ct);
        }
        catch (ValidationException rejected)
        {
            Form.Add(rejected, field => field == "division" ? "area" : field);
            return Rejected();
        }

        // The places of open referrals, by name: the facilities of each city the page's women live in.
        foreach (var city in Result.Items.Where(i => i.OpenReferral is not null).Select(i => i.DivisionCode[..4]).Distinct())
        {
            foreach (var facility in await sender.Send(new ListFacilities.Query(city), ct))
            {
                _facilities[facility.Code] = facility.Name;
            }
        }

        return Page();
    }

    public string FacilityName(string code) => _facilities.GetValueOrDefault(code, code);

    /// <summary>The area of the user's that holds a division (a township for county staff), by name; the code when none does.</summary>
    public string AreaName(string divisionCode) => Areas.FirstOrDefault(a => divisionCode.StartsWith(a.Code, StringComparison.Ordinal))?.Name ?? divisionCode;

    /// <summary>This board's address with the same filters and another cursor.</summary>
    public string PageUrl(string? cursor)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("area", Area), new("colour", Colour), new("status", Status), new("manager", Manager), new("cursor", cursor),
        };
        query.AddRange(Flag.Select(f => new KeyValuePair<string, string?>("flag", f)));
        return "/cases" + QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
