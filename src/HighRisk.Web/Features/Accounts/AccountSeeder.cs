using HighRisk.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace HighRisk.Features.Accounts;

/// <summary>
/// First run: the administrator account `admin` gets the configured password (Seed:AdminPassword) or a generated
/// one printed once to the console. There is no default password. Demo mode adds one user per role in Xiangtan.
/// </summary>
public sealed class AccountSeeder(UserManager<StaffUser> users, BusinessClock clock)
{
    public static readonly (string UserName, string DisplayName, StaffRole Role, string Division, string? Facility)[] DemoUsers =
    [
        ("demo-worker", "示例医生（楠竹山镇卫生院）", StaffRole.HealthWorker, "430302101", "430302101-THC"),
        ("demo-township", "示例妇幼专干（楠竹山镇）", StaffRole.SubdistrictStaff, "430302101", null),
        ("demo-county", "示例县级妇幼（雨湖区）", StaffRole.CountyStaff, "430302", null),
        ("demo-city", "示例市级妇幼（湘潭市）", StaffRole.CityStaff, "4303", null),
    ];

    public async Task SeedAsync(IConfiguration configuration, bool demo)
    {
        if (await users.FindByNameAsync("admin") is null)
        {
            var configured = configuration["Seed:AdminPassword"];
            var password = string.IsNullOrEmpty(configured) ? CreateUser.GeneratePassword() : configured;
            await CreateAsync("admin", "系统管理员", StaffRole.Administrator, string.Empty, null, password);
            if (string.IsNullOrEmpty(configured))
            {
                Announce($"Administrator account created: user name 'admin', password '{password}' (shown once; change it after signing in).");
            }
        }

        if (!demo)
        {
            return;
        }

        foreach (var (userName, displayName, role, division, facility) in DemoUsers)
        {
            if (await users.FindByNameAsync(userName) is null)
            {
                var password = CreateUser.GeneratePassword();
                await CreateAsync(userName, displayName, role, division, facility, password);
                Announce($"Demo account: user name '{userName}' ({role}, {division}), password '{password}'.");
            }
        }
    }

    private async Task CreateAsync(string userName, string displayName, StaffRole role, string division, string? facility, string password)
    {
        var result = await users.CreateAsync(new StaffUser
        {
            Id = Guid.CreateVersion7(clock.Now),
            UserName = userName,
            DisplayName = displayName,
            Role = role,
            DivisionCode = division,
            FacilityCode = facility,
            CreatedAt = clock.Now,
        }, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Cannot create account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    // Written to the console, not the log: a password must not end up in log storage.
    private static void Announce(string line) => Console.WriteLine($"*** {line}");
}
