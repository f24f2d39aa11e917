using HighRisk.Rules;
using Mediator;

namespace HighRisk.Features.Risk;

/// <summary>The risk catalogue in force: every factor with its colour, names, status and condition, and the qualifiers.</summary>
public static class GetCatalogue
{
    public sealed record Query : IQuery<Response>;

    public sealed record Response(string Id, string Version, string? Title, IReadOnlyList<RiskFactorDefinition> Factors, IReadOnlyList<QualifierDefinition> Qualifiers);

    public sealed class Handler(RiskCatalogue catalogue) : IQueryHandler<Query, Response>
    {
        public ValueTask<Response> Handle(Query query, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new Response(catalogue.Id, catalogue.Version, catalogue.Title, catalogue.Factors, catalogue.Qualifiers));
    }
}
