using System.Globalization;
using HighRisk.Features.Alerts;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Consultations;

/// <summary>
/// Every few minutes: the consultations whose due time has come (<see cref="Consultation.ReviewAt"/>) are reviewed by
/// <see cref="Consultation.Review"/>, which flags the unanswered ones late. Each is escalated once, through the SMS outbox:
/// to the MCH contact nearest the pool's division (the county on-duty number for a county pool, the city MCH institution
/// for a city pool) and to the asker's own mobile. A consultation a command holds is skipped and taken on the next run.
/// </summary>
public static class ReviewConsultations
{
    public sealed record Command(int BatchSize = 500) : ICommand<Response>;

    public sealed record Response(int Reviewed, int Escalated, bool More) : Messaging.IReviewBatch;

    public sealed class Handler(HighRiskDb db, AlertRecipients recipients, SmsTemplates templates, MessageSettings settings, BusinessClock clock)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.Now;
            var due = await db.Consultations.FromSql($"""
                    SELECT * FROM consultations WHERE review_at <= {now} ORDER BY review_at LIMIT {command.BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            var escalated = 0;
            foreach (var reviewed in due)
            {
                if (reviewed.Review(now))
                {
                    escalated += await QueueLateAsync(reviewed, cancellationToken);
                }
            }

            return new Response(due.Count, escalated, due.Count == command.BatchSize);
        }

        private async Task<int> QueueLateAsync(Consultation late, CancellationToken ct)
        {
            var pool = await db.ExpertPools.AsNoTracking().SingleAsync(p => p.Id == late.PoolId, ct);
            var name = await db.Pregnancies.IgnoreQueryFilters().Where(p => p.Id == late.PregnancyId).Select(p => p.Woman.FullNameMasked).SingleAsync(ct);
            var township = await db.Divisions.Where(d => d.Code == late.TownshipCode).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? late.TownshipCode;
            var values = new Dictionary<string, string>
            {
                ["sign"] = settings.SignName,
                ["township"] = township,
                ["name"] = name,
                ["specialty"] = Labels.Specialty(late.Specialty).Zh,
                ["pool"] = pool.Name,
                ["deadline"] = late.AnswerDue.ToOffset(TimeSpan.FromHours(8)).ToString("M月d日H时", CultureInfo.InvariantCulture),
            };
            var text = SmsTemplates.Fill(templates.ConsultationLate.Text, values);
            var contacts = pool.IsCityPool ? await recipients.CityMchAsync(pool.DivisionCode, ct) : await recipients.CountyOnDutyAsync(pool.DivisionCode, ct);
            var asker = await db.Users.AsNoTracking().Where(u => u.Id == late.AskedById && u.PhoneNumber != null && !u.Disabled)
                .Select(u => u.PhoneNumber!).FirstOrDefaultAsync(ct);
            var mobiles = contacts.Select(c => c.Mobile).Append(asker).OfType<string>().Distinct().ToList();
            foreach (var mobile in mobiles)
            {
                db.SmsMessages.Add(SmsMessage.Queue(
                    $"consultation-late:{late.Id}:{mobile}", SmsKind.ConsultationLate, null, mobile, text, templates.ConsultationLate.TemplateCode, values, clock.Now,
                    settings.TimeToLive));
            }

            return mobiles.Count;
        }
    }
}
