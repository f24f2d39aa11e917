using HighRisk.Features.Cases;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Fhir;

/// <summary>One pregnancy record as the JSON API reads it (<see cref="GetPregnancy"/>), and whose it is.</summary>
/// <param name="Case">Her case with its plans (<see cref="GetCase"/>), read only for CarePlans: null when she has none the user sees.</param>
public sealed record FhirRecord(Guid WomanId, GetPregnancy.Response Pregnancy, GetCase.Response? Case = null);

/// <summary>
/// The register seen through FHIR: every resource is made from the pregnancy record the JSON API reads
/// (<see cref="GetPregnancy"/>, sent through the mediator), so the area scope (404 outside it), the referral window, the
/// masking of her numbers and the audit line are the JSON API's own. Only the way to the record differs by resource.
/// </summary>
public sealed class FhirRegister(HighRiskDb db, ISender sender)
{
    public async Task<FhirRecord> RecordAsync(Guid pregnancyId, CancellationToken ct)
    {
        var pregnancy = await sender.Send(new GetPregnancy.Query(pregnancyId), ct);
        var womanId = await db.Pregnancies.AsNoTracking().IgnoreQueryFilters().Where(p => p.Id == pregnancyId).Select(p => p.WomanId).SingleAsync(ct);
        return new FhirRecord(womanId, pregnancy);
    }

    /// <summary>Her pregnancies the user may see, newest first.</summary>
    public async Task<List<FhirRecord>> WomanAsync(Guid womanId, CancellationToken ct)
    {
        var ids = await db.Pregnancies.AsNoTracking().Where(p => p.WomanId == womanId).OrderByDescending(p => p.BookedAt).Select(p => p.Id).ToListAsync(ct);
        var records = new List<FhirRecord>(ids.Count);
        foreach (var id in ids)
        {
            records.Add(await RecordAsync(id, ct));
        }

        return records;
    }

    public async Task<List<Guid>> WomenWithResidentIdAsync(string residentIdHash, CancellationToken ct) =>
        await db.Pregnancies.AsNoTracking().Where(p => p.Woman.ResidentIdHash == residentIdHash).Select(p => p.WomanId).Distinct().ToListAsync(ct);

    /// <summary>One resource by type and id; 404 when it does not exist or is outside the user's area.</summary>
    public async Task<Resource> ReadAsync(string type, string id, CancellationToken ct)
    {
        if (type == "Patient")
        {
            var records = Guid.TryParse(id, out var womanId) ? await WomanAsync(womanId, ct) : [];
            return records.Count > 0 ? FhirResources.Patient(records) : throw new NotFoundException($"No Patient/{id} in your area.");
        }

        // One answer for "no such id" and "someone else's": the 404 must not tell which ids exist outside the user's area.
        var notFound = new NotFoundException($"No {type}/{id} in your area.");
        var pregnancyId = await PregnancyOfAsync(type, id, ct) ?? throw notFound;
        FhirRecord record;
        try
        {
            record = await ForTypeAsync(type, await RecordAsync(pregnancyId, ct), ct);
        }
        catch (NotFoundException)
        {
            throw notFound;
        }

        return FhirResources.Of(type, record).FirstOrDefault(r => r.Id == id) ?? throw notFound;
    }

    /// <summary>
    /// The record with what the type is made from beyond the pregnancy: for CarePlans her case, read as the JSON API reads
    /// it (<see cref="GetCase"/>: its scope and audit line); a user who sees her only through a referral sees no case.
    /// </summary>
    public async Task<FhirRecord> ForTypeAsync(string type, FhirRecord record, CancellationToken ct)
    {
        if (type != "CarePlan" || record.Pregnancy.CaseId is not { } caseId)
        {
            return record;
        }

        try
        {
            return record with { Case = await sender.Send(new GetCase.Query(caseId), ct) };
        }
        catch (NotFoundException)
        {
            return record;
        }
    }

    /// <summary>The pregnancy a resource id belongs to (before the scope check, which reading the record makes).</summary>
    private async Task<Guid?> PregnancyOfAsync(string type, string id, CancellationToken ct)
    {
        var source = Guid.TryParse(id, out var whole) ? whole : FhirIds.TrySplit(id, out var prefix, out _) ? prefix : (Guid?)null;
        if (source is not { } sourceId)
        {
            return null;
        }

        var examOf = await db.Exams.AsNoTracking().Where(e => e.Id == sourceId).Select(e => (Guid?)e.PregnancyId).SingleOrDefaultAsync(ct);
        return type switch
        {
            "EpisodeOfCare" or "Flag" => sourceId,
            "Encounter" or "Observation" => examOf,
            "Condition" => examOf ?? sourceId,
            "RiskAssessment" => await db.GradeChanges.AsNoTracking().Where(g => g.Id == sourceId).Select(g => (Guid?)g.PregnancyId).SingleOrDefaultAsync(ct) ?? sourceId,
            "CarePlan" => await db.CasePlans.AsNoTracking().Where(p => p.Id == sourceId)
                .Join(db.Cases.AsNoTracking().IgnoreQueryFilters(), p => p.CaseId, c => c.Id, (_, c) => (Guid?)c.PregnancyId).SingleOrDefaultAsync(ct),
            "ServiceRequest" or "Task" => await db.Referrals.AsNoTracking().IgnoreQueryFilters().Where(r => r.Id == sourceId).Select(r => (Guid?)r.PregnancyId).SingleOrDefaultAsync(ct),
            _ => null,
        };
    }
}
