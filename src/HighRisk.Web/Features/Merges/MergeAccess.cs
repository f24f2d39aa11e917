using HighRisk.Features.Accounts;
using HighRisk.Infrastructure;
using HighRisk.Localization;

namespace HighRisk.Features.Merges;

/// <summary>Merges are administrators' work, whichever way they are asked for (the admin API, the page): 403 for anyone else.</summary>
public static class MergeAccess
{
    public static void EnsureAdministrator(CurrentUser user)
    {
        if (!user.IsAdministrator)
        {
            throw new ForbiddenException(Messages.MergeAdministratorsOnly);
        }
    }
}
