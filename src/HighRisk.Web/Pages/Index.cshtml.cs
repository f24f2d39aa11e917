using HighRisk.Features.Dashboard;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HighRisk.Pages;

/// <summary>Home: the user's area at a glance, each number a link to the list behind it.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public GetDashboard.Response Dashboard { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Dashboard = await sender.Send(new GetDashboard.Query(), ct);
}
