using FluentValidation;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Deaths;

/// <summary>A death report as every view shows it: the card, its deadline, whether it is late or submitted.</summary>
public sealed record DeathReportView(
    Guid Id, Guid PregnancyId, string DivisionCode, DateOnly DiedOn, DateTimeOffset DueAt, bool Late, string Status, string? UsualAddress, string? CurrentAddress,
    string? DeliveryPlace, string? DeathPlace, bool? Transferred, string? TransferredFrom, int? AntenatalVisits, int? FirstVisitWeek,
    IReadOnlyList<DeathCause> Causes, DateTimeOffset? SubmittedAt, string? SubmittedBy)
{
    public static DeathReportView Of(DeathReport r, DateTimeOffset now) => new(
        r.Id, r.PregnancyId, r.DivisionCode, r.DiedOn, r.DueAt, r.IsLate(now), r.SubmittedAt is null ? "due" : "submitted", r.UsualAddress, r.CurrentAddress,
        r.DeliveryPlace, r.DeathPlace, r.Transferred, r.TransferredFrom, r.AntenatalVisits, r.FirstVisitWeek, r.Causes, r.SubmittedAt, r.SubmittedBy);
}

/// <summary>The death reports of the caller's area: those still due first (oldest deadline first), then the submitted, newest first.</summary>
public static class ListDeathReports
{
    public sealed record Query(string? Division, string? Status) : IQuery<IReadOnlyList<DeathReportView>>, IAudited<IReadOnlyList<DeathReportView>>
    {
        public AuditEntry Audit(IReadOnlyList<DeathReportView> response) =>
            new(AuditAction.List, "death-report", null, $"ListDeathReports division={Division} status={Status} rows={response.Count}");
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Division).Matches("^[0-9]{2,12}$").WithError(Messages.PregnancyListDivision);
            RuleFor(q => q.Status).Must(s => s is "due" or "submitted").When(q => q.Status is not null).WithError(Messages.DeathReportStatusFilter);
        }
    }

    public sealed class Handler(HighRiskDb db, BusinessClock clock) : IQueryHandler<Query, IReadOnlyList<DeathReportView>>
    {
        public async ValueTask<IReadOnlyList<DeathReportView>> Handle(Query query, CancellationToken cancellationToken) =>
            [.. (await Due(db.DeathReports.AsNoTracking(), query.Division, query.Status).Take(500).ToListAsync(cancellationToken)).Select(r => DeathReportView.Of(r, clock.Now))];

        public static IQueryable<DeathReport> Due(IQueryable<DeathReport> reports, string? division, string? status)
        {
            if (division is not null)
            {
                reports = reports.Where(r => r.DivisionCode.StartsWith(division));
            }

            reports = status switch
            {
                "due" => reports.Where(r => r.SubmittedAt == null),
                "submitted" => reports.Where(r => r.SubmittedAt != null),
                _ => reports,
            };
            return reports.OrderBy(r => r.SubmittedAt != null).ThenBy(r => r.SubmittedAt == null ? r.DueAt : DateTimeOffset.MinValue).ThenByDescending(r => r.SubmittedAt);
        }
    }
}

/// <summary>One death report.</summary>
public static class GetDeathReport
{
    public sealed record Query(Guid Id) : IQuery<DeathReportView>, IAudited<DeathReportView>
    {
        public AuditEntry Audit(DeathReportView response) => new(AuditAction.Read, "death-report", Id.ToString(), $"GetDeathReport pregnancy={response.PregnancyId}");
    }

    public sealed class Handler(HighRiskDb db, BusinessClock clock) : IQueryHandler<Query, DeathReportView>
    {
        public async ValueTask<DeathReportView> Handle(Query query, CancellationToken cancellationToken) =>
            DeathReportView.Of(
                await db.DeathReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken) ?? throw new NotFoundException("No such death report."),
                clock.Now);
    }
}
