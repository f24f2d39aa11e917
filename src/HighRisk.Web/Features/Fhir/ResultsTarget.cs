using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.EntityFrameworkCore;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace HighRisk.Features.Fhir;

/// <summary>
/// Whose results a Bundle carries: the pregnancy (EpisodeOfCare id), or the woman (resident ID under
/// <see cref="FhirSystems.ResidentId"/>, or Patient id) and her latest pregnancy. Looked up through the user's area like
/// every read: a woman outside it is not found (404). Every reference in the Bundle must name the same woman.
/// </summary>
public sealed class ResultsTarget(HighRiskDb db, PersonalData personalData)
{
    public async Task<Guid> FindPregnancyAsync(ResultsBundle bundle, CancellationToken ct)
    {
        Guid? pregnancyId = null;
        Guid? womanId = null;
        foreach (var (reference, element) in bundle.Episodes)
        {
            var id = Id(reference.Reference, "EpisodeOfCare/") ?? throw Invalid(IssueType.Value, "An EpisodeOfCare is referenced as EpisodeOfCare/{id}.", element);
            var found = await db.Pregnancies.AsNoTracking().Where(p => p.Id == id).Select(p => (Guid?)p.WomanId).SingleOrDefaultAsync(ct)
                ?? throw NotFound("No such EpisodeOfCare in your area.", element);
            Same(ref pregnancyId, id, element);
            Same(ref womanId, found, element);
        }

        foreach (var (reference, element) in bundle.Subjects)
        {
            Same(ref womanId, await WomanAsync(reference, element, ct), element);
        }

        if (pregnancyId is { } known)
        {
            return known;
        }

        var subject = bundle.Subjects[0].Element;
        return await db.Pregnancies.AsNoTracking().Where(p => p.WomanId == womanId).OrderByDescending(p => p.BookedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw NotFound("She has no pregnancy in your area.", subject);
    }

    private async Task<Guid> WomanAsync(ResourceReference subject, string element, CancellationToken ct)
    {
        if (Id(subject.Reference, "Patient/") is { } patientId)
        {
            return await db.Pregnancies.AnyAsync(p => p.WomanId == patientId, ct) ? patientId : throw NotFound("No such Patient in your area.", $"{element}.reference");
        }

        if (subject.Identifier is not { System: FhirSystems.ResidentId, Value: { Length: > 0 } residentId })
        {
            throw Invalid(IssueType.Value, $"The subject is Patient/{{id}} or a logical reference by resident ID ({FhirSystems.ResidentId}).", element);
        }

        var hash = personalData.Hash(Pregnancies.ResidentId.Normalize(residentId));
        // Through her pregnancies, which carry the area filter: a woman known only outside the user's area is not found.
        return await db.Pregnancies.AsNoTracking().Where(p => p.Woman.ResidentIdHash == hash).Select(p => (Guid?)p.WomanId).FirstOrDefaultAsync(ct)
            ?? throw NotFound("No woman with this resident ID in your area.", $"{element}.identifier.value");
    }

    private static void Same(ref Guid? known, Guid found, string element)
    {
        if (known is { } first && first != found)
        {
            throw Invalid(IssueType.Value, "Every reference in one Bundle must name the same woman and pregnancy.", element);
        }

        known = found;
    }

    private static Guid? Id(string? reference, string prefix) =>
        reference is not null && reference.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(reference.AsSpan(prefix.Length), out var id) ? id : null;

    private static FhirProblem Invalid(IssueType type, string diagnostics, string element) =>
        new(StatusCodes.Status422UnprocessableEntity, [FhirIssues.Invalid(type, diagnostics, element)]);

    private static FhirProblem NotFound(string diagnostics, string element) =>
        new(StatusCodes.Status404NotFound, [FhirIssues.Invalid(IssueType.NotFound, diagnostics, element)]);
}
