using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Features.Accounts;
using HighRisk.Features.Audit;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Consultations;

/// <summary>
/// 申请会诊: a clinician who sees a woman asks an expert pool of a specialty a question about her. The pool is the one
/// named, if it is of that specialty and answers for her division; else the pool of that specialty whose division is the
/// longest prefix of hers (a county pool before the city's). The answer is due within the policy's hours.
/// </summary>
public static class AskConsultation
{
    public sealed record Command : ICommand<Response>, IAudited<Response>
    {
        [JsonIgnore]
        public Guid PregnancyId { get; init; }

        public string? Question { get; init; }

        public Specialty? Specialty { get; init; }

        /// <summary>A pool of the specialty that answers for her division; the nearest one when omitted.</summary>
        public Guid? PoolId { get; init; }

        public AuditEntry Audit(Response response) =>
            new(AuditAction.Create, "consultation", response.ConsultationId.ToString(), $"AskConsultation pregnancy={PregnancyId} specialty={Specialty} pool={response.Pool.Id}");
    }

    public sealed record Response(Guid ConsultationId, ConsultationView.PoolView Pool, DateTimeOffset AnswerDue);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Question).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.Specialty).NotNull().IsInEnum();
        }
    }

    public sealed class Handler(HighRiskDb db, CurrentUser user, ConsultationPolicy policy, BusinessClock clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var pregnancy = await db.Pregnancies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PregnancyId, cancellationToken)
                ?? throw new NotFoundException("No such pregnancy.");
            var specialty = command.Specialty!.Value;
            var pool = command.PoolId is { } poolId
                ? await NamedPoolAsync(poolId, specialty, pregnancy.DivisionCode, cancellationToken)
                : await NearestPoolAsync(specialty, pregnancy.DivisionCode, cancellationToken);

            var asker = user.User ?? throw new InvalidOperationException("A consultation is asked by a signed-in user.");
            var consultation = Consultation.Ask(
                Guid.CreateVersion7(clock.Now), pregnancy, pool, command.Question!.Trim(), (asker.Id, asker.DisplayName), policy, clock.Now);
            db.Consultations.Add(consultation);
            return new Response(consultation.Id, new ConsultationView.PoolView(pool.Id, pool.Name, pool.DivisionCode), consultation.AnswerDue);
        }

        /// <summary>The pool asked for, if it is of the specialty and answers for her division (else a 400 naming <c>poolId</c>).</summary>
        private async Task<ExpertPool> NamedPoolAsync(Guid id, Specialty specialty, string divisionCode, CancellationToken ct) =>
            await db.ExpertPools.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } pool && pool.Specialty == specialty && pool.Covers(divisionCode)
                ? pool
                : throw new ValidationException([Messages.ExpertPoolUnfit.At("poolId", ("Specialty", Labels.Specialty(specialty)))]);

        /// <summary>The pool of the specialty for the longest prefix of her division: her county's, else her city's (none: a 400 naming <c>specialty</c>).</summary>
        private async Task<ExpertPool> NearestPoolAsync(Specialty specialty, string divisionCode, CancellationToken ct)
        {
            string[] prefixes = [divisionCode[..4], divisionCode[..6]];
            return await db.ExpertPools.AsNoTracking()
                .Where(p => p.Specialty == specialty && prefixes.Contains(p.DivisionCode))
                .OrderByDescending(p => p.DivisionCode.Length)
                .FirstOrDefaultAsync(ct)
                ?? throw new ValidationException([Messages.NoExpertPool.At("specialty", ("Specialty", Labels.Specialty(specialty)))]);
        }
    }
}
