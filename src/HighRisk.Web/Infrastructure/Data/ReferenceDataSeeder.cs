using System.Globalization;
using System.Security.Cryptography;
using HighRisk.Features.Divisions;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Infrastructure.Data;

/// <summary>
/// Loads the reference data in seeds/ (divisions and facilities) at start-up, upserting by natural key in one
/// statement per file. A file whose content hash was loaded before is skipped, so a restart costs one query.
/// </summary>
public sealed partial class ReferenceDataSeeder(HighRiskDb db, BusinessClock clock, ILogger<ReferenceDataSeeder> log)
{
    public async Task SeedAsync(string seedsFolder, CancellationToken ct)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(seedsFolder, "divisions"), "*.csv").Order(StringComparer.Ordinal))
        {
            await LoadOnceAsync(file, UpsertDivisionsAsync, ct);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(seedsFolder, "facilities"), "*.csv").Order(StringComparer.Ordinal))
        {
            await LoadOnceAsync(file, UpsertFacilitiesAsync, ct);
        }
    }

    /// <summary>
    /// Demo contacts (synthetic numbers) are loaded only in demo mode: a real deployment manages its own recipients
    /// through the API and must never message made-up numbers.
    /// </summary>
    public async Task SeedDemoContactsAsync(string seedsFolder, CancellationToken ct)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(seedsFolder, "contacts"), "*.csv").Order(StringComparer.Ordinal))
        {
            await LoadOnceAsync(file, UpsertContactsAsync, ct);
        }
    }

    private async Task LoadOnceAsync(string file, Func<string, IReadOnlyList<Dictionary<string, string>>, CancellationToken, Task> upsert, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(file, ct);
        var hash = Convert.ToHexString(SHA256.HashData(bytes));
        var name = Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(file)!)!, file);
        var run = await db.SeedRuns.SingleOrDefaultAsync(s => s.Name == name, ct);
        if (run?.ContentHash == hash)
        {
            return;
        }

        var rows = Csv.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await upsert(file, rows, ct);
        if (run is null)
        {
            db.SeedRuns.Add(new SeedRun { Name = name, ContentHash = hash, LoadedAt = clock.Now });
        }
        else
        {
            run.ContentHash = hash;
            run.LoadedAt = clock.Now;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogLoaded(log, name, rows.Count);
    }

    private async Task UpsertDivisionsAsync(string file, IReadOnlyList<Dictionary<string, string>> rows, CancellationToken ct)
    {
        var edition = EditionOf(file);
        var codes = rows.Select(r => r["code"]).ToArray();
        var names = rows.Select(r => r["name"]).ToArray();
        var levels = rows.Select(r => Enum.Parse<DivisionLevel>(r["level"], ignoreCase: true).ToString()).ToArray();
        var parents = rows.Select(r => string.IsNullOrEmpty(r["parent_code"]) ? null : r["parent_code"]).ToArray();
        var synthetic = rows.Select(r => r.TryGetValue("synthetic", out var s) && bool.Parse(s)).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO divisions (code, name, level, parent_code, synthetic, edition)
            SELECT c, n, l, p, s, {edition} FROM unnest({codes}, {names}, {levels}, {parents}, {synthetic}) AS t(c, n, l, p, s)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
                synthetic = EXCLUDED.synthetic, edition = EXCLUDED.edition
            """, ct);
    }

    private async Task UpsertFacilitiesAsync(string file, IReadOnlyList<Dictionary<string, string>> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r["code"]).ToArray();
        var names = rows.Select(r => r["name"]).ToArray();
        var kinds = rows.Select(r => Enum.Parse<FacilityKind>(r["kind"], ignoreCase: true).ToString()).ToArray();
        var levels = rows.Select(r => int.Parse(r["level"], NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        var divisions = rows.Select(r => r["division_code"]).ToArray();
        var midwifery = rows.Select(r => bool.Parse(r["midwifery"])).ToArray();
        var critical = rows.Select(r => bool.Parse(r["critical_care_centre"])).ToArray();
        var synthetic = rows.Select(r => bool.Parse(r["synthetic"])).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO facilities (code, name, kind, level, division_code, midwifery, critical_care_centre, synthetic)
            SELECT * FROM unnest({codes}, {names}, {kinds}, {levels}, {divisions}, {midwifery}, {critical}, {synthetic})
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, level = EXCLUDED.level,
                division_code = EXCLUDED.division_code, midwifery = EXCLUDED.midwifery,
                critical_care_centre = EXCLUDED.critical_care_centre, synthetic = EXCLUDED.synthetic
            """, ct);
    }

    private async Task UpsertContactsAsync(string file, IReadOnlyList<Dictionary<string, string>> rows, CancellationToken ct)
    {
        var ids = rows.Select(_ => Guid.CreateVersion7()).ToArray();
        var divisions = rows.Select(r => r["division_code"]).ToArray();
        var roles = rows.Select(r => Enum.Parse<Features.Contacts.ContactRole>(r["role"], ignoreCase: true).ToString()).ToArray();
        var names = rows.Select(r => r["name"]).ToArray();
        var mobiles = rows.Select(r => string.IsNullOrEmpty(r["mobile"]) ? null : r["mobile"]).ToArray();
        var emails = rows.Select(r => string.IsNullOrEmpty(r["email"]) ? null : r["email"]).ToArray();
        var synthetic = rows.Select(r => bool.Parse(r["synthetic"])).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO division_contacts (id, division_code, role, name, mobile, email, synthetic)
            SELECT * FROM unnest({ids}, {divisions}, {roles}, {names}, {mobiles}, {emails}, {synthetic})
            ON CONFLICT (division_code, role, name) DO UPDATE SET mobile = EXCLUDED.mobile, email = EXCLUDED.email, synthetic = EXCLUDED.synthetic
            """, ct);
    }

    /// <summary>"hunan-2023.csv" → 2023; files without a year (synthetic data) get 0.</summary>
    private static int EditionOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var dash = name.LastIndexOf('-');
        return dash >= 0 && int.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year > 1900 ? year : 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded seed file {Name}: {Rows} rows")]
    private static partial void LogLoaded(ILogger logger, string name, int rows);
}
