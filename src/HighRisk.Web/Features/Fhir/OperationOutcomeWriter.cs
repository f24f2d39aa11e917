using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.AspNetCore.Mvc;

namespace HighRisk.Features.Fhir;

/// <summary>
/// Under /fhir, the errors the service answers as problem details everywhere else (400 naming each field, 401, 403, 404,
/// 409 with its code, 5xx) are written as an OperationOutcome instead, with the same status: one error path for the
/// whole service, rendered in the client's format.
/// </summary>
public sealed class OperationOutcomeWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments("/fhir", StringComparison.Ordinal);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var type = (problem.Status ?? context.HttpContext.Response.StatusCode) switch
        {
            400 => OperationOutcome.IssueType.Invalid,
            401 => OperationOutcome.IssueType.Login,
            403 => OperationOutcome.IssueType.Forbidden,
            404 => OperationOutcome.IssueType.NotFound,
            405 or 415 => OperationOutcome.IssueType.NotSupported,
            409 => OperationOutcome.IssueType.Conflict,
            422 => OperationOutcome.IssueType.Processing,
            429 => OperationOutcome.IssueType.Throttled,
            503 => OperationOutcome.IssueType.Transient,
            _ => OperationOutcome.IssueType.Exception,
        };
        var outcome = new OperationOutcome();
        if (problem is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            foreach (var (field, messages) in validation.Errors)
            {
                outcome.Issue.AddRange(messages.Select(m => FhirIssues.Invalid(type, m, field)));
            }
        }
        else
        {
            var issue = FhirIssues.Outcome(type, problem.Detail ?? problem.Title ?? Describe(type)).Issue[0];
            if (problem.Extensions.TryGetValue("code", out var code) && code is not null)
            {
                issue.Details = new CodeableConcept { Text = code.ToString() };
            }

            outcome.Issue.Add(issue);
        }

        await new FhirResult(outcome, problem.Status ?? context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext);
    }

    private static string Describe(OperationOutcome.IssueType type) => type switch
    {
        OperationOutcome.IssueType.Login => "Sign in first: send a bearer token.",
        OperationOutcome.IssueType.Forbidden => "This account may not do this.",
        OperationOutcome.IssueType.NotFound => "No such resource (or it is outside your area).",
        OperationOutcome.IssueType.NotSupported => "Not supported by this server: see /fhir/metadata.",
        _ => "The request failed.",
    };
}
