using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Risk;
using HighRisk.Features.Transfers;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Merges;

/// <summary>
/// 重复建册的档案合并: an administrator merges the second record of one woman (<c>mergeId</c>) into the one that is kept
/// (<c>keepId</c>). Exams, follow-ups, grade history and referrals are kept in date order, she is graded again from
/// everything, the merged record is closed as merged into the kept one, and the merge can be undone for 30 days.
/// </summary>
public static class MergePregnancies
{
    public sealed record Command : ICommand<MergeView>, IAudited<MergeView>
    {
        public Guid? KeepId { get; init; }

        public Guid? MergeId { get; init; }

        public AuditEntry Audit(MergeView response) =>
            new(AuditAction.Update, "pregnancy", KeepId.ToString(), $"MergePregnancies merge={response.Id} merged={MergeId} exams={response.Exams} referrals={response.Referrals}");
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.KeepId).NotEmpty();
            RuleFor(c => c.MergeId).NotEmpty().NotEqual(c => c.KeepId).WithError(Messages.MergeSameRecord);
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, PregnancyGrader grader, FollowUpPolicy policy) : ICommandHandler<Command, MergeView>
    {
        public async ValueTask<MergeView> Handle(Command command, CancellationToken cancellationToken)
        {
            MergeAccess.EnsureAdministrator(user);
            var (keepId, mergeId) = (command.KeepId!.Value, command.MergeId!.Value);
            var (kept, merged) = await db.LockBothAsync(keepId, mergeId, cancellationToken);
            foreach (var (id, field) in new[] { (keepId, "keepId"), (mergeId, "mergeId") })
            {
                if (await db.Transfers.AnyAsync(t => t.PregnancyId == id && t.Status == TransferStatus.Requested, cancellationToken))
                {
                    throw new ConflictException(Messages.MergeTransferPending, ("Which", field));
                }
            }

            var taken = kept.MergeIn(merged, grader, user.Name, policy, clock.Now, clock.Today);
            var side = await SideRecordsOf.MoveAsync(db, merged.Id, kept, cancellationToken);
            var merge = PregnancyMerge.Record(Guid.CreateVersion7(clock.Now), kept, merged, taken, side, user.Name, clock.Now);
            db.Merges.Add(merge);
            return MergeView.Of(merge, MergeView.RecordOf(kept), MergeView.RecordOf(merged), clock.Now);
        }
    }
}
