using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Referrals;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Pages.Referrals;

/// <summary>
/// The referral inboxes (<see cref="ListReferrals"/>), newest first: 转入, the referrals sent to the user's facility (only
/// for an account with one, and its default), and 转出, those of the user's area with the feedback that came back;
/// filtered by state (open by default), keyset-paged.
/// </summary>
public sealed class IndexModel(ISender sender, CurrentUser user) : FormPage
{
    public const int PageSize = 30;

    /// <summary>The filters offered, in order: <see cref="ListReferrals.Statuses"/> and all.</summary>
    public static readonly IReadOnlyList<string> Filters = ["open", "late", "requested", "accepted", "arrived", "completed", "declined", "cancelled", "all"];

    /// <summary>incoming or outgoing.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Direction { get; set; }

    /// <summary>One of <see cref="Filters"/>; open by default.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Cursor { get; set; }

    /// <summary>Only an account tied to a facility receives referrals.</summary>
    public bool HasIncoming => user.ReferralFacility is not null;

    public bool Incoming => Direction == "incoming";

    public ListReferrals.Response Result { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Direction = HasIncoming && Direction is null or "incoming" ? "incoming" : "outgoing"; // no incoming inbox without a facility
        Status = Filters.Contains(Status) ? Status : "open";
        try
        {
            Result = await sender.Send(new ListReferrals.Query(Direction, null, Status == "all" ? null : Status, Cursor, PageSize), ct);
        }
        catch (ValidationException rejected)
        {
            Form.Add(rejected);
            return Rejected();
        }

        return Page();
    }

    /// <summary>This inbox's address with another direction, filter or cursor.</summary>
    public string PageUrl(string? direction = null, string? status = null, Guid? cursor = null)
    {
        var query = new KeyValuePair<string, string?>[] { new("direction", direction ?? Direction), new("status", status ?? Status), new("cursor", cursor?.ToString()) };
        return "/referrals" + QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
