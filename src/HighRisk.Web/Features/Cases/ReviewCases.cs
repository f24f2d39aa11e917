using System.Globalization;
using HighRisk.Features.Alerts;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Cases;

/// <summary>
/// Every few minutes: the cases whose time has come (<see cref="Case.ReviewAt"/>) are reviewed by <see cref="Case.Review"/>,
/// which marks a late report, a missing plan or an overdue plan. A report that has just become late is escalated once, by
/// SMS to the county on-duty contact, through the outbox. A case a command holds is skipped and taken on the next run.
/// </summary>
public static class ReviewCases
{
    public sealed record Command(int BatchSize = 1000) : ICommand<Response>;

    public sealed record Response(int Reviewed, int Escalated, bool More) : Messaging.IReviewBatch;

    public sealed class Handler(HighRiskDb db, AlertRecipients recipients, SmsTemplates templates, MessageSettings settings, BusinessClock clock)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.Now;
            var due = await db.Cases.FromSql($"""
                    SELECT * FROM cases WHERE review_at <= {now} ORDER BY review_at LIMIT {command.BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            var escalated = 0;
            foreach (var reviewed in due)
            {
                if (reviewed.Review(now, clock.Today))
                {
                    escalated += await QueueLateReportAsync(reviewed, cancellationToken);
                }
            }

            return new Response(due.Count, escalated, due.Count == command.BatchSize);
        }

        private async Task<int> QueueLateReportAsync(Case late, CancellationToken ct)
        {
            var name = await db.Pregnancies.IgnoreQueryFilters().Where(p => p.Id == late.PregnancyId).Select(p => p.Woman.FullNameMasked).SingleAsync(ct);
            var township = await db.Divisions.Where(d => d.Code == late.TownshipCode).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? late.TownshipCode;
            var values = new Dictionary<string, string>
            {
                ["sign"] = settings.SignName,
                ["township"] = township,
                ["name"] = name,
                ["colour"] = templates.Colours[late.OpenedAs],
                ["deadline"] = late.ReportDueAt.ToOffset(TimeSpan.FromHours(8)).ToString("M月d日H时", CultureInfo.InvariantCulture),
            };
            var text = SmsTemplates.Fill(templates.CaseReport.Text, values);
            var queued = 0;
            foreach (var recipient in await recipients.CountyOnDutyAsync(late.DivisionCode, ct))
            {
                db.SmsMessages.Add(SmsMessage.Queue(
                    $"case-report:{late.Id}:{late.ReportDueAt.ToUnixTimeSeconds()}:{recipient.Mobile}", SmsKind.CaseReport, null, recipient.Mobile, text,
                    templates.CaseReport.TemplateCode, values, clock.Now, settings.TimeToLive));
                queued++;
            }

            return queued;
        }
    }
}
