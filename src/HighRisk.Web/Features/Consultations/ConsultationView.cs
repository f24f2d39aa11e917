using System.Text.Json;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Consultations;

/// <summary>
/// A consultation as every read shows it (the list, the detail, her record) and as the take and answer commands answer:
/// the question and its pool, who asked and who took it, the due time and the late flag, the answer and any raise; what
/// the caller may do next (<c>take</c>, <c>answer</c>); and, outside her record, who she is.
/// </summary>
/// <param name="AnsweredLate">Answered after its due time.</param>
/// <param name="Actions">What the caller may do now: <c>take</c> (a member of the pool, while open), <c>answer</c> (the expert who took it).</param>
/// <param name="Woman">Who she is (null on her own record, which says it already).</param>
public sealed record ConsultationView(
    Guid Id, Guid PregnancyId, Specialty Specialty, ConsultationView.PoolView Pool, string Question, ConsultationStatus Status, ConsultationView.PersonView AskedBy,
    DateTimeOffset AskedAt, DateTimeOffset AnswerDue, bool Late, DateTimeOffset? EscalatedAt, ConsultationView.PersonView? TakenBy, DateTimeOffset? TakenAt,
    string? Answer, DateTimeOffset? AnsweredAt, bool AnsweredLate, ConsultationView.RaiseView? Raise, IReadOnlyList<string> Actions, ConsultationView.WomanView? Woman)
{
    public const string Take = "take";
    public const string AnswerAction = "answer";

    public sealed record PoolView(Guid Id, string Name, string DivisionCode);

    public sealed record PersonView(Guid Id, string Name);

    /// <param name="Colour">yellow, orange or red.</param>
    public sealed record RaiseView(string Colour, string Reason);

    public sealed record WomanView(string FullName, string Colour, bool Purple, GestationalAge GestationalAge, string DivisionCode, string? TownshipName);

    public static ConsultationView Of(Consultation c, ExpertPool pool, Guid? me, WomanView? woman) => new(
        c.Id, c.PregnancyId, c.Specialty, new PoolView(pool.Id, pool.Name, pool.DivisionCode), c.Question, c.Status, new PersonView(c.AskedById, c.AskedBy),
        c.AskedAt, c.AnswerDue, c.Late, c.EscalatedAt, c.TakenById is { } taker ? new PersonView(taker, c.TakenBy ?? "?") : null, c.TakenAt,
        c.AnswerText, c.AnsweredAt, c.AnsweredLate, c.RaisedTo is { } colour ? new RaiseView(colour.ToApiName(), c.RaiseReason ?? string.Empty) : null,
        ActionsOf(c, pool, me), woman);

    private static string[] ActionsOf(Consultation c, ExpertPool pool, Guid? me) => c.Status switch
    {
        ConsultationStatus.Open when me is { } id && pool.HasMember(id) => [Take],
        ConsultationStatus.Taken when me is { } id && c.TakenById == id => [AnswerAction],
        _ => [],
    };
}

/// <summary>The state's API name (<c>open</c>, <c>taken</c>, <c>answered</c>), as conflicts name it.</summary>
public static class ConsultationState
{
    public static string NameOf(ConsultationStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}

/// <summary>Shapes consultations into <see cref="ConsultationView"/>: their pools, and who she is when asked for, read once for the lot.</summary>
public static class ConsultationViews
{
    public static async Task<IReadOnlyList<ConsultationView>> ShapeAsync(
        HighRiskDb db, Divisions.DivisionNames divisions, IReadOnlyList<Consultation> consultations, Guid? me, bool withWoman, DateOnly today, CancellationToken ct)
    {
        var poolIds = consultations.Select(c => c.PoolId).Distinct().ToList();
        var pools = await db.ExpertPools.AsNoTracking().Where(p => poolIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var women = withWoman ? await WomenAsync(db, divisions, consultations.Select(c => c.PregnancyId).Distinct().ToList(), today, ct) : [];
        return [.. consultations.Select(c => ConsultationView.Of(c, pools[c.PoolId], me, women.GetValueOrDefault(c.PregnancyId)))];
    }

    private static async Task<Dictionary<Guid, ConsultationView.WomanView>> WomenAsync(HighRiskDb db, Divisions.DivisionNames divisions, List<Guid> ids, DateOnly today, CancellationToken ct)
    {
        var pregnancies = await db.Pregnancies.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Woman.FullName, p.Grade, p.Purple, p.Lmp, p.Status, p.OutcomeDate, p.DivisionCode, p.TownshipCode })
            .ToListAsync(ct);
        var townships = pregnancies.Select(p => p.TownshipCode).Distinct().ToList();
        var names = await divisions.OfAsync(db, townships, ct);
        return pregnancies.ToDictionary(p => p.Id, p =>
        {
            var asOf = p.Status == PregnancyStatus.Open || p.OutcomeDate is null ? today : p.OutcomeDate.Value;
            return new ConsultationView.WomanView(
                p.FullName, p.Grade.ToApiName(), p.Purple, GestationalAge.FromLmp(p.Lmp, asOf < p.Lmp ? p.Lmp : asOf), p.DivisionCode, names.GetValueOrDefault(p.TownshipCode));
        });
    }
}
