using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HighRisk.Infrastructure.Data;

/// <summary>Lets `dotnet ef` build the model without starting the service or a database.</summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<HighRiskDb>
{
    public HighRiskDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HighRiskDb>()
            .UseNpgsql("Host=localhost;Database=highrisk_design")
            .UseSnakeCaseNamingConvention()
            .Options, new Features.Accounts.CurrentUser(new Microsoft.AspNetCore.Http.HttpContextAccessor(), new Features.Accounts.SignedInAccounts(TimeProvider.System)));
}
