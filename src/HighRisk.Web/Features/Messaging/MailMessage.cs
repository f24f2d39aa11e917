namespace HighRisk.Features.Messaging;

public enum MailStatus
{
    Queued,
    Sent,
    Failed,
}

/// <summary>
/// One email in the outbox: the daily overdue list for a township, with the list as an .xlsx attachment built when
/// the mail is sent. With no SMTP server configured, the development sink keeps the message and its attachment here.
/// </summary>
public sealed class MailMessage
{
    public Guid Id { get; init; }

    public required string DedupKey { get; init; }

    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>The overdue list whose .xlsx is attached.</summary>
    public Guid? OverdueListId { get; init; }

    public string? AttachmentName { get; init; }

    /// <summary>Kept by the development sink only, to show what would have been sent.</summary>
    public byte[]? SinkAttachment { get; set; }

    public MailStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }
}
