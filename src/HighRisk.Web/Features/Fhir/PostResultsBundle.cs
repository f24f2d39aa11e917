using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using HighRisk.Features.Exams;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Mediator;
using Microsoft.EntityFrameworkCore;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace HighRisk.Features.Fhir;

/// <summary>
/// <c>POST /fhir</c>: a hospital's transaction Bundle of results becomes one exam, through the exam API's own command
/// (<see cref="RecordExam.Command"/>, sent through the mediator: its validation, grading, history, alerts, follow-up and
/// audit). A second post of a Bundle with the same identifier writes nothing and answers the first response again; the
/// identifier is claimed in the idempotency table the <c>Idempotency-Key</c> header uses, in the exam's transaction.
/// </summary>
public sealed class PostResultsBundle(HighRiskDb db, ResultsTarget target, ISender sender, BusinessClock clock)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        var bundle = await FhirJson.ReadAsync<Bundle>(request, ct);
        var reading = ResultsBundle.Read(bundle);
        var key = $"fhir-bundle:{Sha256(reading.IdempotencyKey)}";
        var hash = Sha256(FhirJson.Serialize(Content(bundle)));

        // Joins the transaction an Idempotency-Key header opened, if any; the command's own transaction joins this one.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO idempotency_records (key, request_hash, status_code, created_at) VALUES ({key}, {hash}, 0, {clock.Now}) ON CONFLICT (key) DO NOTHING", ct);
        if (claimed == 0)
        {
            var first = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key, ct);
            if (first.RequestHash != hash)
            {
                throw new FhirProblem(StatusCodes.Status422UnprocessableEntity,
                    [FhirIssues.Invalid(IssueType.Duplicate, "A different Bundle with this identifier was recorded already; a new Bundle needs a new identifier.", "Bundle.identifier")]);
            }

            return new ReplayedResult(first.StatusCode, first.Body ?? string.Empty);
        }

        var pregnancyId = await target.FindPregnancyAsync(reading, ct);
        RecordExam.Response recorded;
        try
        {
            recorded = await sender.Send(reading.ToCommand(pregnancyId), ct);
        }
        catch (ValidationException invalid)
        {
            throw new FhirProblem(StatusCodes.Status422UnprocessableEntity, invalid.Errors.Select(e => FhirIssues.Invalid(
                e.PropertyName.StartsWith("findings", StringComparison.Ordinal) ? IssueType.CodeInvalid : IssueType.Value,
                e.ErrorMessage, reading.ElementOf(e.PropertyName))).ToList());
        }

        var response = Response(reading, recorded);
        var body = FhirJson.Serialize(response);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE idempotency_records SET status_code = {StatusCodes.Status200OK}, content_type = {FhirJson.MediaType}, body = {body} WHERE key = {key}", ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }

        return new FhirResult(response);
    }

    /// <summary>The transaction-response: an entry for each entry sent, in order, with where its result can be read.</summary>
    private static Bundle Response(ResultsBundle reading, RecordExam.Response recorded)
    {
        var response = new Bundle { Type = Bundle.BundleType.TransactionResponse };
        foreach (var target in reading.Targets)
        {
            var location = target switch
            {
                "exam" => $"Encounter/{recorded.ExamId}",
                _ when target.StartsWith("finding:", StringComparison.Ordinal) =>
                    $"Condition/{FhirIds.Finding(recorded.ExamId, int.Parse(target[8..], System.Globalization.CultureInfo.InvariantCulture))}",
                _ => $"Observation/{FhirIds.Measurement(recorded.ExamId, target)}",
            };
            response.Entry.Add(new Bundle.EntryComponent { Response = new Bundle.ResponseComponent { Status = "201 Created", Location = location } });
        }

        var graded = recorded.Grade == recorded.PreviousGrade ? $"Graded {recorded.Grade} (unchanged)" : $"Graded {recorded.Grade} (was {recorded.PreviousGrade})";
        response.Entry[0].Response!.Outcome = new OperationOutcome
        {
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Information,
                    Code = IssueType.Informational,
                    Diagnostics = $"{graded}{(recorded.Purple ? ", purple" : string.Empty)}; the exam is Encounter/{recorded.ExamId}.",
                },
            ],
        };
        return response;
    }

    /// <summary>
    /// What a retry must repeat to be the same Bundle: its entries' resources and requests, not the envelope a sender may
    /// make anew on each send (id, meta, timestamp, the entries' urn:uuid fullUrls).
    /// </summary>
    private static Bundle Content(Bundle bundle)
    {
        var content = (Bundle)bundle.DeepCopy();
        content.Id = null;
        content.Meta = null;
        content.Timestamp = null;
        foreach (var entry in content.Entry)
        {
            entry.FullUrl = null;
        }

        return content;
    }

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The first response to a Bundle, sent again as it was stored.</summary>
    private sealed class ReplayedResult(int status, string body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = $"{FhirJson.MediaType}; charset=utf-8";
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            await httpContext.Response.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
