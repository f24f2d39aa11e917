using System.Globalization;
using System.Text.Json.Serialization;
using FluentValidation;
using Hangfire;
using HighRisk.Features.Alerts;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using HighRisk.Infrastructure.Jobs;
using HighRisk.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Messaging;

/// <summary>
/// Delivery receipts (状态报告) pushed by the SMS provider: whether each message reached the handset. A delivered
/// message is marked delivered; an undelivered alert message is escalated at once (the county and city are told that
/// the people who must act did not get it). Receipts repeat and come out of order (Alibaba Cloud says they are not
/// idempotent): the same receipt twice changes nothing, and a delivered message stays delivered.
/// </summary>
public static partial class RecordSmsReceipts
{
    /// <summary>How many receipts one push may carry (Alibaba Cloud merges receipts into one push).</summary>
    public const int MaxReceipts = 1000;

    /// <summary>The receipts of one push, in Alibaba Cloud's SmsReport format, which the webhook provider speaks too.</summary>
    public sealed record Command(string Provider, IReadOnlyList<SmsReport> Reports) : ICommand<Response>;

    /// <summary>
    /// One receipt. <c>out_id</c> is HighRisk's message id (the OutId or Idempotency-Key it sent, 32 hex digits or a
    /// GUID); <c>biz_id</c> the provider's id from the send answer, used when out_id is missing.
    /// Fields Alibaba adds later (sign_name, template_code, …) are ignored.
    /// </summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
    public sealed record SmsReport
    {
        [JsonPropertyName("out_id")]
        public string? OutId { get; init; }

        [JsonPropertyName("biz_id")]
        public string? BizId { get; init; }

        [JsonPropertyName("success")]
        public bool? Success { get; init; }

        [JsonPropertyName("err_code")]
        public string? ErrCode { get; init; }

        [JsonPropertyName("err_msg")]
        public string? ErrMsg { get; init; }

        /// <summary>Beijing time, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
        [JsonPropertyName("report_time")]
        public string? ReportTime { get; init; }

        [JsonPropertyName("phone_number")]
        public string? PhoneNumber { get; init; }

        [JsonPropertyName("send_time")]
        public string? SendTime { get; init; }

        [JsonPropertyName("sms_size")]
        public string? SmsSize { get; init; }
    }

    /// <summary>
    /// <c>matched</c>: receipts that named a message of ours; <c>changed</c>: messages whose status they changed;
    /// <c>unknown</c>: receipts for no message of ours (acknowledged all the same, so the provider stops pushing them).
    /// </summary>
    public sealed record Response(int Matched, int Changed, int Unknown);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reports).NotEmpty().WithError(Messages.ReceiptsMissing)
                .Must(r => r.Count <= MaxReceipts).WithError(Messages.ReceiptsTooMany, ("Max", MaxReceipts)).OverridePropertyName("body");

            // The body is the array itself: a field is named "[2].report_time", as a malformed value there is.
            var report = new ReportValidator();
            RuleFor(c => c.Reports).Custom((reports, context) =>
            {
                for (var i = 0; i < reports.Count; i++)
                {
                    var failures = reports[i] is { } r ? report.Validate(r).Errors : [Messages.ReceiptNotObject.At(string.Empty)];
                    foreach (var failure in failures)
                    {
                        failure.PropertyName = $"[{i}]{(failure.PropertyName.Length > 0 ? "." + failure.PropertyName : string.Empty)}";
                        context.AddFailure(failure);
                    }
                }
            });
        }
    }

    public sealed class ReportValidator : AbstractValidator<SmsReport>
    {
        public ReportValidator()
        {
            RuleFor(r => r.OutId).NotEmpty().When(r => string.IsNullOrEmpty(r.BizId))
                .WithError(Messages.ReceiptMessageUnnamed);
            RuleFor(r => r.OutId).Must(id => MessageId(id) is not null).When(r => !string.IsNullOrEmpty(r.OutId))
                .WithError(Messages.ReceiptOutIdFormat);
            RuleFor(r => r.BizId).MaximumLength(100);
            RuleFor(r => r.Success).NotNull().WithError(Messages.ReceiptSuccessMissing);
            RuleFor(r => r.ErrCode).NotEmpty().WithError(Messages.ReceiptStatusMissing).MaximumLength(64);
            RuleFor(r => r.ErrMsg).MaximumLength(200);
            RuleFor(r => r.ReportTime).Must(t => ReportedAt(t) is not null).WithError(Messages.ReceiptTimeFormat);
        }
    }

    public sealed class Handler(HighRiskDb db, IBackgroundJobClient jobs, ILogger<Handler> log) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            // Oldest report first, so that a later receipt for the same message has the last word.
            var reports = command.Reports.Select(r => (Report: r, Id: MessageId(r.OutId), At: ReportedAt(r.ReportTime)!.Value)).OrderBy(r => r.At).ToList();
            var ids = reports.Select(r => r.Id).OfType<Guid>().Distinct().ToArray();
            var bizIds = reports.Where(r => r.Id is null).Select(r => r.Report.BizId!).Distinct().ToArray();

            // Locked: the delivery job may be recording the send answer of the same message at this moment.
            var messages = await db.SmsMessages
                .FromSql($"SELECT * FROM sms_messages WHERE id = ANY({ids}) OR provider_message_id = ANY({bizIds}) ORDER BY id FOR UPDATE")
                .ToListAsync(cancellationToken);
            var byId = messages.ToDictionary(m => m.Id);
            var byBizId = messages.Where(m => m.ProviderMessageId is not null).GroupBy(m => m.ProviderMessageId!).ToDictionary(g => g.Key, g => g.First());

            int matched = 0, changed = 0, unknown = 0;
            var undeliveredAlerts = false;

            foreach (var (report, id, at) in reports)
            {
                var message = id is { } messageId ? byId.GetValueOrDefault(messageId) : byBizId.GetValueOrDefault(report.BizId!);
                if (message is null)
                {
                    unknown++;
                    continue;
                }

                matched++;
                if (message.RecordReceipt(report.Success!.Value, report.ErrCode!.Trim(), report.ErrMsg?.Trim(), at))
                {
                    changed++;
                    undeliveredAlerts |= message.Status == SmsStatus.Failed && message.Kind == SmsKind.Alert;
                    Telemetry.SmsOutcomes.Add(1,
                        new KeyValuePair<string, object?>("outcome", message.Status == SmsStatus.Delivered ? "delivered" : "undelivered"),
                        new KeyValuePair<string, object?>("kind", message.Kind.ToString()));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            if (undeliveredAlerts)
            {
                // Runs once this transaction has committed: the job re-reads the statuses and escalates each alert once.
                jobs.Schedule<AlertEscalationJob>(Queues.Alerts, job => job.RunAsync(CancellationToken.None), TimeSpan.FromSeconds(1));
            }

            if (unknown > 0)
            {
                LogUnknown(log, command.Provider, unknown);
            }

            return new Response(matched, changed, unknown);
        }
    }

    /// <summary>HighRisk's message id from an out_id: the 32-digit form it sends to Alibaba Cloud, or a GUID.</summary>
    public static Guid? MessageId(string? outId) =>
        Guid.TryParseExact(outId?.Trim(), "N", out var n) ? n : Guid.TryParseExact(outId?.Trim(), "D", out var d) ? d : null;

    /// <summary>A receipt's report_time: Beijing time (UTC+8, no daylight saving) as yyyy-MM-dd HH:mm:ss.</summary>
    public static DateTimeOffset? ReportedAt(string? reportTime) =>
        DateTime.TryParseExact(reportTime?.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(8)).ToUniversalTime()
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} {Provider} delivery receipts named no message of ours")]
    private static partial void LogUnknown(ILogger logger, string provider, int count);
}
