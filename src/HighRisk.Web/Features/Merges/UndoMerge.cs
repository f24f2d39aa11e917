using System.Text.Json.Serialization;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Referrals;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Merges;

/// <summary>
/// 撤销合并: within 30 days, each record gets back what was its own; what was recorded on the kept record after the merge
/// stays there. Refused (409) when the merged record's woman has been booked again since, which would give her two open
/// records.
/// </summary>
public static class UndoMerge
{
    public sealed record Command : ICommand<MergeView>, IAudited<MergeView>
    {
        [JsonIgnore]
        public Guid MergeId { get; init; }

        public AuditEntry Audit(MergeView response) =>
            new(AuditAction.Update, "pregnancy", response.Keep.Id.ToString(), $"UndoMerge merge={MergeId} merged={response.Merged.Id}");
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock, PregnancyGrader grader, FollowUpPolicy policy) : ICommandHandler<Command, MergeView>
    {
        public async ValueTask<MergeView> Handle(Command command, CancellationToken cancellationToken)
        {
            MergeAccess.EnsureAdministrator(user);
            var merge = await db.Merges.FromSql($"SELECT * FROM pregnancy_merges WHERE id = {command.MergeId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("No such merge.");
            var (kept, merged) = await db.LockBothAsync(merge.KeepId, merge.MergedId, cancellationToken);
            merge.Undo(user.Name, clock.Now);
            if (await db.Pregnancies.IgnoreQueryFilters().AnyAsync(p => p.WomanId == merged.WomanId && p.Status == PregnancyStatus.Open, cancellationToken))
            {
                throw new ConflictException(Messages.MergeRecordChanged, ("What", "booked again"));
            }

            await SideRecordsOf.MoveAsync(db, new SideRecords(merge.ReferralIds, merge.ConsultationIds, merge.AlertIds), merged, cancellationToken);
            kept.GiveBack(
                merged, merge.Taken, await db.EarliestOpenOutcomeAsync(kept.Id, null, cancellationToken), await db.EarliestOpenOutcomeAsync(merged.Id, null, cancellationToken),
                grader, user.Name, policy, clock.Now, clock.Today);
            return MergeView.Of(merge, MergeView.RecordOf(kept), MergeView.RecordOf(merged), clock.Now);
        }
    }
}
