using HighRisk.Features.Audit;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Exams;

public static class GetExam
{
    public sealed record Query(Guid PregnancyId, Guid ExamId) : IQuery<GetPregnancy.ExamView>, IAudited<GetPregnancy.ExamView>
    {
        public AuditEntry Audit(GetPregnancy.ExamView response) => new(AuditAction.Read, "pregnancy", PregnancyId.ToString(), $"GetExam {ExamId}");
    }

    public sealed class Handler(HighRiskDb db) : IQueryHandler<Query, GetPregnancy.ExamView>
    {
        public async ValueTask<GetPregnancy.ExamView> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.Exams.AsNoTracking()
                .Where(e => e.Id == query.ExamId && e.PregnancyId == query.PregnancyId)
                .Join(db.Pregnancies, e => e.PregnancyId, p => p.Id, (e, p) => new { Exam = e, p.Lmp, p.Outcome, p.OutcomeDate })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("No such exam.");
            return GetPregnancy.ExamView.Of(found.Exam, found.Lmp, found.Outcome == PregnancyOutcome.Delivery ? found.OutcomeDate : null);
        }
    }
}
