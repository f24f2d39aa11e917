using HighRisk.Features.Audit;
using HighRisk.Features.FollowUps;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>
/// One case, whole: what the board shows, every version of the plan, the near misses recorded on it, the places named
/// in them and how the case was closed.
/// </summary>
public static class GetCase
{
    public sealed record Query(Guid Id) : IQuery<Response>, IAudited<Response>
    {
        public AuditEntry Audit(Response response) => new(AuditAction.Read, "case", Id.ToString(), $"GetCase pregnancy={response.PregnancyId}");
    }

    public sealed record Response(
        Guid Id, Guid PregnancyId, CaseStatus Status, string FullName, string DivisionCode, string? TownshipName, string Colour, bool Purple,
        GestationalAge GestationalAge, DateOnly Edd, int DaysToEdd, CaseRow.ManagerView? Manager, DateTimeOffset? ManagerAssignedAt,
        CaseState.ReportView Report, CaseState.PlanView Plan, int? PlanAgeDays, IReadOnlyList<string> LevelMismatches, IReadOnlyList<string> Flags,
        DateOnly? LastContactDate, FollowUpState FollowUpState, int DaysOverdue, CaseRow.ReferralView? OpenReferral, string OpenedAs, DateTimeOffset OpenedAt,
        DateTimeOffset? ClosedAt, string? ClosedBy, string? CloseReason, IReadOnlyList<CasePlan> Plans, IReadOnlyDictionary<string, FacilityFacts> Facilities,
        IReadOnlyList<NearMiss> NearMisses);

    public sealed class Handler(HighRiskDb db, BusinessClock clock, CaseLookups lookups, Divisions.DivisionNames divisions) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var row = (await CaseRows.PageAsync(db, db.Cases.AsNoTracking().Where(c => c.Id == query.Id), 1, cancellationToken)).SingleOrDefault()
                ?? throw new NotFoundException("No such case.");
            var r = (await CaseRows.ShapeAsync(db, divisions, [row], clock.Today, cancellationToken))[0];
            var plans = await db.CasePlans.AsNoTracking().Where(p => p.CaseId == query.Id).OrderByDescending(p => p.Version).ToListAsync(cancellationToken);
            var nearMisses = await db.NearMisses.AsNoTracking().Where(n => n.CaseId == query.Id).OrderByDescending(n => n.Date).ThenByDescending(n => n.RecordedAt)
                .ToListAsync(cancellationToken);
            var facilities = await lookups.FactsAsync(
                plans.SelectMany(p => new[] { p.CareFacilityCode, p.DeliveryFacilityCode, p.Continuation?.FacilityCode }).Append(r.OpenReferral?.ToFacilityCode)
                    .Concat(nearMisses.Select(n => n.FacilityCode)),
                cancellationToken);
            var c = row.Case;
            return new Response(
                r.Id, r.PregnancyId, r.Status, r.FullName, r.DivisionCode, r.TownshipName, r.Colour, r.Purple, r.GestationalAge, r.Edd, r.DaysToEdd, r.Manager,
                c.ManagerAssignedAt, r.Report, r.Plan, r.PlanAgeDays, r.LevelMismatches, r.Flags, r.LastContactDate, r.FollowUpState, r.DaysOverdue, r.OpenReferral,
                r.OpenedAs, r.OpenedAt, c.ClosedAt, c.ClosedBy, c.CloseReason, plans, facilities, nearMisses);
        }
    }
}
