using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace HighRisk.Features.Fhir;

/// <summary>
/// A request the FHIR endpoint refuses with an OperationOutcome: 400 for a body it cannot read, 422 for one it reads but
/// cannot record (an unknown code, a wrong unit, an implausible value), each issue naming the element.
/// </summary>
public sealed class FhirProblem(int status, IReadOnlyList<OperationOutcome.IssueComponent> issues)
    : Exception(string.Join("; ", issues.Select(i => $"{string.Join(",", i.Expression)}: {i.Diagnostics}")))
{
    public int Status => status;

    public IReadOnlyList<OperationOutcome.IssueComponent> Issues => issues;

    public OperationOutcome Outcome() => new() { Issue = [.. issues] };
}

public static class FhirIssues
{
    public static OperationOutcome.IssueComponent Invalid(OperationOutcome.IssueType type, string diagnostics, string expression) => new()
    {
        Severity = OperationOutcome.IssueSeverity.Error,
        Code = type,
        Diagnostics = diagnostics,
        Expression = [expression],
    };

    public static OperationOutcome Outcome(OperationOutcome.IssueType type, string diagnostics, IEnumerable<string>? expressions = null) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = type,
                Diagnostics = diagnostics,
                Expression = expressions?.ToList() ?? [],
            },
        ],
    };
}
