using HighRisk.Features.Accounts;
using HighRisk.Features.Cases;
using HighRisk.Features.Dashboard;
using HighRisk.Features.Referrals;
using HighRisk.Features.Transfers;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HighRisk.Pages;

/// <summary>
/// Home: the user's area at a glance, each number a link to the list behind it; for a case manager, her open cases; the
/// referrals waiting at the user's facility and the feedback come back to her area unread; the transfers waiting for the
/// user's answer.
/// </summary>
public sealed class IndexModel(ISender sender, CurrentUser user) : PageModel
{
    /// <summary>The cases listed on the home page; the board has the rest.</summary>
    public const int MyCasesShown = 10;

    public GetDashboard.Response Dashboard { get; private set; } = null!;

    /// <summary>The open cases she manages, as the board orders them (only county and city staff manage cases).</summary>
    public ListCases.Response MyCases { get; private set; } = new([], null, []);

    public CountReferrals.Response Referrals { get; private set; } = new(null, 0);

    public CountTransfers.Response Transfers { get; private set; } = new(0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Dashboard = await sender.Send(new GetDashboard.Query(), ct);
        Referrals = await sender.Send(new CountReferrals.Query(), ct);
        Transfers = await sender.Send(new CountTransfers.Query(), ct);
        if (user.Role is StaffRole.CountyStaff or StaffRole.CityStaff)
        {
            MyCases = await sender.Send(new ListCases.Query(null, null, "open", "me", null, null, MyCasesShown), ct);
        }
    }
}
