namespace HighRisk.Features.Messaging;

/// <summary>What a gateway said about one message.</summary>
public sealed record SmsSendResult(SmsSendOutcome Outcome, string? ProviderMessageId, string? Error)
{
    /// <summary>Whether the gateway may hold the message although it did not say so (<see cref="SmsDoubt"/>).</summary>
    public SmsDoubt Doubt { get; init; }

    public static SmsSendResult Accepted(string? providerId) => new(SmsSendOutcome.Accepted, providerId, null);

    /// <summary>Throttled, refused, down: worth retrying later; the gateway did not take the message.</summary>
    public static SmsSendResult Transient(string error) => new(SmsSendOutcome.Transient, null, error);

    /// <summary>
    /// Sent, but no answer came back (a timeout, a connection broken after the request went out, an answer that cannot
    /// be read): worth retrying, and the gateway may have taken the message.
    /// </summary>
    public static SmsSendResult Unanswered(string error) => new(SmsSendOutcome.Transient, null, error) { Doubt = SmsDoubt.Unanswered };

    /// <summary>Nothing sent this time: an earlier attempt's outcome is still unknown and could not be looked up.</summary>
    public static SmsSendResult StillUnknown(string error) => new(SmsSendOutcome.Transient, null, error) { Doubt = SmsDoubt.StillUnknown };

    /// <summary>Bad number, rejected template, no credit: retrying will not help.</summary>
    public static SmsSendResult Permanent(string error) => new(SmsSendOutcome.Permanent, null, error);
}

public enum SmsSendOutcome
{
    Accepted,
    Transient,
    Permanent,
}

/// <summary>What a transient result leaves unknown about whether the gateway holds the message.</summary>
public enum SmsDoubt
{
    /// <summary>The gateway did not take it (or took it and said so).</summary>
    None,

    /// <summary>This attempt went out and its answer was lost: the gateway may have taken it.</summary>
    Unanswered,

    /// <summary>This attempt sent nothing; an earlier unanswered attempt is still unresolved.</summary>
    StillUnknown,
}

/// <summary>An SMS provider. Implementations must pass <see cref="SmsMessage.Id"/> as the provider's idempotency key.</summary>
public interface ISmsGateway
{
    string Name { get; }

    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
