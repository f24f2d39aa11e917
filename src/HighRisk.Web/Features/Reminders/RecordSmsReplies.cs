using System.Text.Json.Serialization;
using FluentValidation;
using HighRisk.Localization;
using HighRisk.Features.Audit;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Reminders;

/// <summary>
/// Replies (上行短信) pushed by the SMS provider. A reply that opts out (TD, 退订: <see cref="ReminderPolicy.OptOutReplies"/>)
/// withdraws the consent of every woman with that mobile number, and takes back her reminders not yet sent, as if the staff
/// had recorded it. Any other reply is acknowledged and dropped (it is not a channel to the staff). Repeated pushes change
/// nothing more.
/// </summary>
public static class RecordSmsReplies
{
    public const int MaxReplies = 1000;

    public sealed record Command(string Provider, IReadOnlyList<SmsReply> Replies) : ICommand<Response>, IAudited<Response>
    {
        public AuditEntry? Audit(Response response) =>
            response.Withdrawn == 0 ? null : new(AuditAction.Update, "smsConsent", null, $"RecordSmsReplies {Provider}: {response.Withdrawn} consent(s) withdrawn by reply");
    }

    /// <summary>One reply, in Alibaba Cloud's SmsUp format (which the webhook provider speaks too); other fields are ignored.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
    public sealed record SmsReply
    {
        [JsonPropertyName("phone_number")]
        public string? PhoneNumber { get; init; }

        [JsonPropertyName("content")]
        public string? Content { get; init; }

        /// <summary>Beijing time, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
        [JsonPropertyName("send_time")]
        public string? SendTime { get; init; }
    }

    /// <param name="OptOuts">Replies that opt out.</param>
    /// <param name="Withdrawn">Consents withdrawn by them (a number already withdrawn counts none).</param>
    public sealed record Response(int Replies, int OptOuts, int Withdrawn);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Replies).NotEmpty().Must(r => r.Count <= MaxReplies).WithError(Messages.RepliesTooMany, ("Max", MaxReplies)).OverridePropertyName("body");
            RuleForEach(c => c.Replies).ChildRules(reply =>
            {
                reply.RuleFor(r => r.PhoneNumber).NotEmpty().MaximumLength(20);
                reply.RuleFor(r => r.Content).MaximumLength(500);
            }).OverridePropertyName("body");
        }
    }

    public sealed class Handler(HighRiskDb db, ReminderPolicy policy, ReminderPlanner planner, PersonalData personalData, BusinessClock clock)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var optOuts = command.Replies.Where(r => policy.IsOptOut(r.Content)).ToList();
            var hashes = optOuts.Select(r => MobileNumber.Normalize(r.PhoneNumber)).OfType<string>().Select(personalData.Hash).Distinct().ToArray();
            var pregnancyIds = await (
                    from plan in db.Set<ReminderPlan>()
                    join woman in db.Women on plan.WomanId equals woman.Id
                    where plan.ConsentGiven && hashes.Contains(woman.MobileHash)
                    orderby plan.PregnancyId
                    select plan.PregnancyId)
                .ToListAsync(cancellationToken);

            var withdrawn = 0;
            foreach (var id in pregnancyIds)
            {
                // No user signs in here: the pregnancy is locked and read whatever the area.
                var pregnancy = await db.Pregnancies.FromSql($"SELECT * FROM pregnancies WHERE id = {id} FOR UPDATE").IgnoreQueryFilters().SingleAsync(cancellationToken);
                var plan = (await planner.PlanOfAsync(id, cancellationToken))!;
                if (plan.ConsentGiven)
                {
                    await planner.RecordConsentAsync(pregnancy, plan, false, clock.Today, $"SMS reply ({command.Provider})", "sms-reply", ConsentSource.Reply, cancellationToken);
                    withdrawn++;
                }
            }

            return new Response(command.Replies.Count, optOuts.Count, withdrawn);
        }
    }
}
