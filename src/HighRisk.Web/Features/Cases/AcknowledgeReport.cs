using System.Text.Json.Serialization;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;

namespace HighRisk.Features.Cases;

/// <summary>报告一例: county MCH staff acknowledge the case's report; after its deadline it is late, and stays shown so.</summary>
public static class AcknowledgeReport
{
    public sealed record Command : ICommand<CaseState>, IAudited<CaseState>
    {
        [JsonIgnore]
        public Guid CaseId { get; init; }

        public AuditEntry Audit(CaseState response) => new(AuditAction.Update, "case", CaseId.ToString(), $"AcknowledgeReport late={response.Report.AcknowledgedLate}");
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock) : ICommandHandler<Command, CaseState>
    {
        public async ValueTask<CaseState> Handle(Command command, CancellationToken cancellationToken)
        {
            var managed = await db.LockCaseAsync(command.CaseId, user, cancellationToken);
            managed.AcknowledgeReport(user.Name, clock.Now, clock.Today);
            return CaseState.Of(managed);
        }
    }
}
