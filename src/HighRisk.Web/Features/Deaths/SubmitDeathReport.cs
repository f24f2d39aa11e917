using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Deaths;

/// <summary>Submits the maternal death report card; once submitted it leaves the board. A second submission is 409.</summary>
public static class SubmitDeathReport
{
    public sealed record Command : ICommand<DeathReportView>, IAudited<DeathReportView>
    {
        [JsonIgnore]
        public Guid ReportId { get; init; }

        public string? UsualAddress { get; init; }

        public string? CurrentAddress { get; init; }

        public string? DeliveryPlace { get; init; }

        public string? DeathPlace { get; init; }

        public bool? Transferred { get; init; }

        public string? TransferredFrom { get; init; }

        public int? AntenatalVisits { get; init; }

        public int? FirstVisitWeek { get; init; }

        public IReadOnlyList<CauseInput?>? Causes { get; init; }

        public AuditEntry Audit(DeathReportView response) => new(AuditAction.Update, "death-report", ReportId.ToString(), $"SubmitDeathReport pregnancy={response.PregnancyId}");
    }

    public sealed record CauseInput(string? Description, string? Icd10);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UsualAddress).NotEmpty().MaximumLength(200);
            RuleFor(c => c.CurrentAddress).NotEmpty().MaximumLength(200);
            RuleFor(c => c.DeliveryPlace).MaximumLength(100);
            RuleFor(c => c.DeathPlace).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Transferred).NotNull();
            RuleFor(c => c.TransferredFrom).NotEmpty().WithError(Messages.TransferredFromRequired).MaximumLength(100).When(c => c.Transferred == true);
            RuleFor(c => c.AntenatalVisits).NotNull().InclusiveBetween(0, 60);
            RuleFor(c => c.FirstVisitWeek).InclusiveBetween(1, 45);
            RuleFor(c => c.Causes).NotEmpty().WithError(Messages.CausesRequired).Must(c => c!.Count <= 4).WithError(Messages.CausesRequired);
            RuleForEach(c => c.Causes).NotNull().ChildRules(cause =>
            {
                cause.RuleFor(x => x!.Description).NotEmpty().MaximumLength(200);
                cause.RuleFor(x => x!.Icd10).NotEmpty().Matches(@"^[A-Z][0-9]{2}(\.[0-9]{1,2})?$").WithError(Messages.Icd10Format);
            });
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, BusinessClock clock) : ICommandHandler<Command, DeathReportView>
    {
        public async ValueTask<DeathReportView> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM death_reports WHERE id = {command.ReportId} FOR UPDATE", cancellationToken);
            var report = await db.DeathReports.SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
                ?? throw new NotFoundException("No such death report.");
            report.Submit(
                new DeathCard(
                    command.UsualAddress!.Trim(), command.CurrentAddress!.Trim(), command.DeliveryPlace?.Trim(), command.DeathPlace!.Trim(), command.Transferred!.Value,
                    command.TransferredFrom?.Trim(), command.AntenatalVisits!.Value, command.FirstVisitWeek,
                    [.. command.Causes!.Select(c => new DeathCause(c!.Description!.Trim(), c.Icd10!))]),
                user.Name, clock.Now);
            return DeathReportView.Of(report, clock.Now);
        }
    }
}
