using HighRisk.Features.Alerts;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Contacts;

/// <summary>
/// The townships where women are under management (open, or in the postpartum episode) and a red alert for some of
/// them would reach no contact — neither township MCH staff nor a county on-duty number at any level up to the
/// province (<see cref="AlertRecipients"/> decides, as it does for a real alert; her health worker's mobile aside).
/// Each says whom such an alert is escalated to instead, or nobody; with the number of alerts that reached nobody.
/// </summary>
public static class ListMissingContacts
{
    public sealed record Query : IQuery<Response>;

    /// <param name="AlertsWithoutRecipient">Unacknowledged alerts that were told to nobody (flagged <c>noRecipient</c>).</param>
    public sealed record Response(int AlertsWithoutRecipient, IReadOnlyList<Item> Items);

    /// <param name="Women">Women under management there whose alert would reach no contact.</param>
    /// <param name="EscalatedTo">Whom their alert goes to at once instead (county on-duty, city MCH); empty: nobody.</param>
    public sealed record Item(string TownshipCode, string TownshipName, string? CountyName, int Women, IReadOnlyList<Escalation> EscalatedTo);

    public sealed record Escalation(string Role, string DivisionCode, string Name);

    public sealed class Handler(HighRiskDb db, AlertRecipients recipients, Divisions.DivisionNames divisions) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var women = await db.Pregnancies.Where(p => p.Status == PregnancyStatus.Open).Select(p => new { p.DivisionCode, p.TownshipCode })
                .Concat(db.Pregnancies.Where(p => p.Status != PregnancyStatus.Open).Where(Pregnancy.InPostpartumEpisodeFilter).Select(p => new { p.DivisionCode, p.TownshipCode }))
                .GroupBy(p => new { p.DivisionCode, p.TownshipCode })
                .Select(g => new { g.Key.DivisionCode, g.Key.TownshipCode, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var reached = await recipients.ForDivisionsAsync(women.ConvertAll(w => w.DivisionCode), cancellationToken);
            var missing = women.Where(w => reached[w.DivisionCode].Alert.Count == 0).ToList();

            var codes = missing.SelectMany(w => new[] { w.TownshipCode, w.TownshipCode[..6] }).Distinct().ToList();
            var names = await divisions.OfAsync(db, codes, cancellationToken);
            var items = missing
                .GroupBy(w => w.TownshipCode)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Item(
                    g.Key,
                    names.GetValueOrDefault(g.Key, g.Key),
                    names.GetValueOrDefault(g.Key[..6]),
                    g.Sum(w => w.Count),
                    g.SelectMany(w => reached[w.DivisionCode].Escalation)
                        .Select(r => new Escalation(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Role), r.DivisionCode!, r.Name))
                        .Distinct()
                        .ToList()))
                .ToList();
            var unreached = await db.Alerts.IgnoreQueryFilters().CountAsync(Alert.ReachedNobody, cancellationToken);
            return new Response(unreached, items);
        }
    }
}
