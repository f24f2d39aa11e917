using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Consultations;

/// <summary>One consultation with who she is, and what the caller may do with it.</summary>
public static class GetConsultation
{
    public sealed record Query(Guid Id) : IQuery<ConsultationView>, IAudited<ConsultationView>
    {
        public AuditEntry Audit(ConsultationView response) => new(AuditAction.Read, "consultation", Id.ToString(), $"GetConsultation pregnancy={response.PregnancyId}");
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, Divisions.DivisionNames divisions) : IQueryHandler<Query, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(Query query, CancellationToken cancellationToken)
        {
            var consultation = await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
                ?? throw new NotFoundException("No such consultation.");
            return (await ConsultationViews.ShapeAsync(db, divisions, [consultation], user.User?.Id, withWoman: true, clock.Today, cancellationToken))[0];
        }
    }
}
