namespace HighRisk.Rules.Tests.Builders;

public static class AssessmentExtensions
{
    public static IReadOnlyList<string> Ids(this RiskAssessment assessment) => [.. assessment.Factors.Select(f => f.Id)];

    public static ActiveFactor Factor(this RiskAssessment assessment, string id) =>
        assessment.Factors.SingleOrDefault(f => f.Id == id)
        ?? throw new AssertionException($"factor {id} is not active; active: {string.Join(", ", assessment.Ids())}");
}
