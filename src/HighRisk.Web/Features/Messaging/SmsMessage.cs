namespace HighRisk.Features.Messaging;

public enum SmsKind
{
    /// <summary>The daily overdue digest for a township's staff.</summary>
    Digest,

    /// <summary>A red-grade alert.</summary>
    Alert,

    /// <summary>An escalation (an unacknowledged or undeliverable alert).</summary>
    Escalation,

    /// <summary>A case report not acknowledged by its deadline (专案报告逾期), to the county on-duty contact.</summary>
    CaseReport,

    /// <summary>A maternal death: the death report is due (to the county and city MCH contacts).</summary>
    DeathReport,

    /// <summary>A referral: an emergency sent, an answer or outcome late, the feedback back.</summary>
    Referral,

    /// <summary>A transfer between townships left unanswered.</summary>
    Transfer,
    /// <summary>A consultation unanswered past its due time (会诊逾期), to the pool's MCH contact and the asker.</summary>
    ConsultationLate,

    /// <summary>A visit reminder to the woman herself (she consented), sent only within the day's send window (Features/Reminders).</summary>
    Reminder,
}

public enum SmsStatus
{
    Queued,

    /// <summary>Handed to the gateway; if the process died here, the retry carries the same id and the gateway de-duplicates it.</summary>
    Sending,
    Sent,

    /// <summary>The gateway reported delivery to the handset.</summary>
    Delivered,
    Failed,

    /// <summary>Older than its time to live before it could be sent: never sent late.</summary>
    Expired,

    /// <summary>Withdrawn before it was handed to the gateway (a reminder whose visit happened, or whose consent was withdrawn).</summary>
    Cancelled,
}

/// <summary>
/// One SMS in the outbox, written in the same transaction as the change that calls for it and delivered by a job.
/// Its id is the provider's idempotency key (Alibaba Cloud OutId, the webhook's message id).
/// </summary>
public sealed class SmsMessage
{
    public Guid Id { get; init; }

    /// <summary>What the message is about, unique: the same digest or alert is never queued twice.</summary>
    public required string DedupKey { get; init; }

    public SmsKind Kind { get; init; }

    public Guid? AlertId { get; init; }

    /// <summary>11-digit mobile number of a staff member; a woman's only for a <see cref="SmsKind.Reminder"/> she consented to.</summary>
    public required string Recipient { get; init; }

    public required string Text { get; init; }

    /// <summary>Provider template code and JSON parameters, for gateways that send templates (Alibaba Cloud).</summary>
    public string? TemplateCode { get; init; }

    public string? TemplateParams { get; init; }

    /// <summary>
    /// The signature the provider puts on it when not Sms:Aliyun:SignName, the staff messages' one: a reminder to a woman
    /// is signed neutrally (seeds/policy/reminders.json), as a shared phone must not reveal her risk.
    /// </summary>
    public string? SignName { get; init; }

    public SmsStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? Provider { get; set; }

    public string? ProviderMessageId { get; private set; }

    /// <summary>When the provider's delivery receipt says the handset got it.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The status code of the provider's last delivery receipt (DELIVERED, MK:0001, …).</summary>
    public string? ReceiptCode { get; private set; }

    /// <summary>
    /// When the last attempt whose outcome is unknown went out (its answer was lost, or the worker died before recording
    /// it): the gateway may have the message. Null while every attempt's outcome is known. A provider that does not
    /// de-duplicate (Alibaba Cloud) looks the message up before sending it again.
    /// </summary>
    public DateTimeOffset? UnansweredAttemptAt { get; private set; }

    /// <summary>
    /// The gateway took the message. A receipt can come back before this is recorded (the provider is fast, the
    /// outbox row is written after the call returns): the receipt's outcome is kept.
    /// </summary>
    public void MarkSent(DateTimeOffset now, string? providerMessageId)
    {
        SentAt = now;
        ProviderMessageId = providerMessageId ?? ProviderMessageId;
        UnansweredAttemptAt = null;
        if (ReceiptCode is null)
        {
            Status = SmsStatus.Sent;
            LastError = null;
        }
    }

    /// <summary>
    /// The provider's delivery receipt. Receipts can repeat and come out of order: a delivered handset stays
    /// delivered, and a repeated receipt changes nothing. Returns whether the message changed.
    /// </summary>
    public bool RecordReceipt(bool delivered, string code, string? detail, DateTimeOffset reportedAt)
    {
        if (Status == SmsStatus.Delivered || (Status == SmsStatus.Failed && ReceiptCode == code && !delivered))
        {
            return false;
        }

        ReceiptCode = code;
        if (delivered)
        {
            Status = SmsStatus.Delivered;
            DeliveredAt = reportedAt;
            LastError = null;
        }
        else
        {
            Status = SmsStatus.Failed;
            LastError = Providers.SmsPrivacy.Scrub($"not delivered: {code}{(string.IsNullOrWhiteSpace(detail) ? string.Empty : " " + detail)}");
        }

        return true;
    }

    /// <summary>Claimed for an attempt now; one left "sending" by a dead worker had an attempt whose outcome is unknown.</summary>
    public void Claim(DateTimeOffset now, string provider)
    {
        if (Status == SmsStatus.Sending)
        {
            UnansweredAttemptAt = NextAttemptAt;   // when the dead worker claimed it
        }

        Status = SmsStatus.Sending;
        Attempts++;
        NextAttemptAt = now;
        Provider = provider;
    }

    /// <summary>What a transient result tells about the gateway holding the message, for the next attempt.</summary>
    public void RecordDoubt(SmsDoubt doubt, DateTimeOffset attemptedAt) => UnansweredAttemptAt = doubt switch
    {
        SmsDoubt.Unanswered => attemptedAt,
        SmsDoubt.StillUnknown => UnansweredAttemptAt,
        _ => null,
    };

    /// <summary>
    /// Takes a message back before the gateway has it: only while it is queued (one being sent, or sent, is past recall).
    /// Returns whether it was withdrawn.
    /// </summary>
    public bool Cancel(string reason)
    {
        if (Status != SmsStatus.Queued)
        {
            return false;
        }

        Status = SmsStatus.Cancelled;
        LastError = reason;
        return true;
    }

    /// <summary>
    /// A message for the outbox, from a filled template: the text for sinks and webhooks, the template code and its
    /// parameters (all but the signature, which the provider adds) for template gateways.
    /// </summary>
    public static SmsMessage Queue(
        string dedupKey, SmsKind kind, Guid? alertId, string recipient, string text, string templateCode, IReadOnlyDictionary<string, string> values,
        DateTimeOffset now, TimeSpan timeToLive, string? signName = null) => new()
        {
            Id = Guid.CreateVersion7(now),
            DedupKey = dedupKey,
            Kind = kind,
            AlertId = alertId,
            Recipient = recipient,
            Text = text,
            TemplateCode = templateCode,
            SignName = signName,
            TemplateParams = System.Text.Json.JsonSerializer.Serialize(values.Where(v => v.Key != "sign").ToDictionary()),
            Status = SmsStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
            ExpiresAt = now + timeToLive,
        };
}
