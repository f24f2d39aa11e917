using HighRisk.Features.Divisions;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Demo;

/// <summary>
/// Demo mode (`--demo`): books synthetic women in Xiangtan's demo villages through the same commands a health worker
/// uses, so their grades and histories are real. Runs once: a database that already holds demo women is left alone.
/// </summary>
public sealed partial class DemoSeeder(IServiceScopeFactory scopes, BusinessClock clock, ILogger<DemoSeeder> log)
{
    public async Task SeedAsync(int women, string seedsFolder, CancellationToken ct)
    {
        await using (var contacts = scopes.CreateAsyncScope())
        {
            await contacts.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedDemoContactsAsync(seedsFolder, ct);
        }

        await using (var areas = scopes.CreateAsyncScope())
        {
            await SeedCaseAreasAsync(areas.ServiceProvider.GetRequiredService<HighRiskDb>(), ct);
        }

        await using (var pools = scopes.CreateAsyncScope())
        {
            await SeedExpertPoolsAsync(pools.ServiceProvider.GetRequiredService<HighRiskDb>(), ct);
        }

        await using (var probe = scopes.CreateAsyncScope())
        {
            var db = probe.ServiceProvider.GetRequiredService<HighRiskDb>();
            if (await db.Women.AnyAsync(w => w.FullName.EndsWith("（示例）"), ct))
            {
                return;
            }
        }

        List<(string Village, string Facility)> places;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HighRiskDb>();
            var rows = await db.Divisions.AsNoTracking()
                .Where(d => d.Synthetic && d.Level == DivisionLevel.Village && d.Code.StartsWith("4303"))
                .Join(db.Facilities, d => d.ParentCode, f => f.DivisionCode, (d, f) => new { d.Code, Facility = f.Code })
                .OrderBy(x => x.Code)
                .ToListAsync(ct);
            places = rows.ConvertAll(x => (x.Code, x.Facility));
        }

        var population = new DemoPopulation(seed: 2017, clock.Today);
        for (var i = 0; i < women; i++)
        {
            var (village, facility) = places[i * 7 % places.Count];
            var demo = population.Next(village, facility, "示例妇幼专干");
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            BookPregnancy.Response booked;
            try
            {
                booked = await sender.Send(demo.Booking, ct);
            }
            catch (ConflictException)
            {
                continue; // two synthetic women drew the same ID number; skip the second
            }

            foreach (var exam in demo.Exams)
            {
                await using var examScope = scopes.CreateAsyncScope();
                await examScope.ServiceProvider.GetRequiredService<ISender>().Send(exam with { PregnancyId = booked.Id }, ct);
            }
        }

        LogSeeded(log, women);
    }

    /// <summary>市县专家分片包干 for the demo: the demo county and city accounts manage the cases of their own areas.</summary>
    private async Task SeedCaseAreasAsync(HighRiskDb db, CancellationToken ct)
    {
        var managers = await db.Users.AsNoTracking()
            .Where(u => (u.UserName == "demo-county" || u.UserName == "demo-city") && !db.CaseAreas.Any(a => a.DivisionPrefix == u.DivisionCode))
            .Select(u => new { u.Id, u.DivisionCode })
            .ToListAsync(ct);
        foreach (var manager in managers)
        {
            db.CaseAreas.Add(new Features.Cases.CaseArea { DivisionPrefix = manager.DivisionCode, ManagerId = manager.Id, UpdatedBy = "demo", UpdatedAt = clock.Now });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 会诊 for the demo: the demo city account is the city's expert pool of every specialty, the demo county account the
    /// county's obstetrics pool (so that an obstetric question from Yuhu goes to the county first).
    /// </summary>
    private async Task SeedExpertPoolsAsync(HighRiskDb db, CancellationToken ct)
    {
        var experts = await db.Users.AsNoTracking().Where(u => u.UserName == "demo-county" || u.UserName == "demo-city").ToListAsync(ct);
        var existing = await db.ExpertPools.AsNoTracking().Select(p => new { p.Specialty, p.DivisionCode }).ToListAsync(ct);
        foreach (var expert in experts)
        {
            var specialties = expert.UserName == "demo-city" ? Enum.GetValues<Consultations.Specialty>() : [Consultations.Specialty.Obstetrics];
            foreach (var specialty in specialties.Where(s => !existing.Contains(new { Specialty = s, expert.DivisionCode })))
            {
                var pool = new Consultations.ExpertPool { Id = Guid.CreateVersion7(clock.Now) };
                var name = $"{(expert.DivisionCode.Length == 4 ? "湘潭市" : "雨湖区")}{Localization.Labels.Specialty(specialty).Zh}专家组（示例）";
                pool.Set(name, specialty, expert.DivisionCode, [expert.Id], "demo", clock.Now);
                db.ExpertPools.Add(pool);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode: booked {Women} synthetic women in Xiangtan")]
    private static partial void LogSeeded(ILogger logger, int women);
}
