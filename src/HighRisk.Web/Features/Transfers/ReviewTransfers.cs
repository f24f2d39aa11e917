using HighRisk.Features.Alerts;
using HighRisk.Features.Messaging;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Transfers;

/// <summary>
/// Every hour: the transfers still waiting for their answer after the policy's days (<see cref="Transfer.Review"/>) are
/// escalated once, by SMS to both counties' MCH on-duty contacts, through the outbox.
/// </summary>
public static class ReviewTransfers
{
    public sealed record Command(int BatchSize = 500) : ICommand<Response>;

    public sealed record Response(int Reviewed, int Escalated, bool More) : Messaging.IReviewBatch;

    public sealed class Handler(HighRiskDb db, AlertRecipients recipients, SmsTemplates templates, MessageSettings settings, BusinessClock clock, Divisions.DivisionNames divisions)
        : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.Now;
            var due = await db.Transfers.FromSql($"""
                    SELECT * FROM transfers WHERE review_at <= {now} ORDER BY review_at LIMIT {command.BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            var escalated = 0;
            foreach (var transfer in due.Where(t => t.Review(now)))
            {
                var codes = new[] { transfer.FromDivisionCode[..9], transfer.ToTownshipCode };
                var names = await divisions.OfAsync(db, codes, cancellationToken);
                var name = await db.Pregnancies.IgnoreQueryFilters().Where(p => p.Id == transfer.PregnancyId).Select(p => p.Woman.FullNameMasked).SingleAsync(cancellationToken);
                var values = new Dictionary<string, string>
                {
                    ["sign"] = settings.SignName,
                    ["name"] = name,
                    ["from"] = names.GetValueOrDefault(codes[0], codes[0]),
                    ["to"] = names.GetValueOrDefault(codes[1], codes[1]),
                    ["days"] = ((int)(now - transfer.RequestedAt).TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                var text = SmsTemplates.Fill(templates.TransferLate.Text, values);
                var to = (await recipients.CountyOnDutyAsync(transfer.FromDivisionCode, cancellationToken))
                    .Concat(await recipients.CountyOnDutyAsync(transfer.ToDivisionCode, cancellationToken)).DistinctBy(r => r.Mobile);
                foreach (var recipient in to)
                {
                    db.SmsMessages.Add(SmsMessage.Queue(
                        $"transfer-late:{transfer.Id}:{recipient.Mobile}", SmsKind.Transfer, null, recipient.Mobile, text, templates.TransferLate.TemplateCode, values,
                        now, settings.TimeToLive));
                    escalated++;
                }
            }

            return new Response(due.Count, escalated, due.Count == command.BatchSize);
        }
    }
}
