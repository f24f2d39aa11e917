using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Consultations;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Consultations;

/// <summary>
/// 会诊: the consultations the user sees, as <see cref="ListConsultations"/> gives them — filtered by her part in them
/// (asked, taken, her pools), state, pool and the late flag; open and taken ones the earliest due first.
/// </summary>
public sealed class IndexModel(ISender sender, CurrentUser user) : FormPage
{
    public const int PageSize = 30;

    /// <summary>asked, taken or pools.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Mine { get; set; }

    /// <summary>open, taken or answered.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Pool { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Late { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public ListConsultations.Response Result { get; private set; } = new([], null);

    /// <summary>The pools of the user's area (those that answer for it or lie within it), for the pool filter.</summary>
    public IReadOnlyList<ExpertPoolView> Pools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Pools = await sender.Send(new ListExpertPools.Query(user.DivisionPrefix), ct);
        try
        {
            Result = await sender.Send(new ListConsultations.Query(Status, Pool, Mine, Late ? true : null, Cursor, PageSize), ct);
        }
        catch (ValidationException rejected)
        {
            Form.Add(rejected);
            return Rejected();
        }

        return Page();
    }

    /// <summary>This list's address with the same filters and another cursor.</summary>
    public string PageUrl(string? cursor) => "/consultations" + QueryString.Create(new List<KeyValuePair<string, string?>>
    {
        new("mine", Mine), new("status", Status), new("pool", Pool?.ToString()), new("late", Late ? "true" : null), new("cursor", cursor),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
