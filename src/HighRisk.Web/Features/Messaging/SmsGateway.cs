namespace HighRisk.Features.Messaging;

/// <summary>What a gateway said about one message.</summary>
public sealed record SmsSendResult(SmsSendOutcome Outcome, string? ProviderMessageId, string? Error)
{
    public static SmsSendResult Accepted(string? providerId) => new(SmsSendOutcome.Accepted, providerId, null);

    /// <summary>Throttled, timed out, down: worth retrying later.</summary>
    public static SmsSendResult Transient(string error) => new(SmsSendOutcome.Transient, null, error);

    /// <summary>Bad number, rejected template, no credit: retrying will not help.</summary>
    public static SmsSendResult Permanent(string error) => new(SmsSendOutcome.Permanent, null, error);
}

public enum SmsSendOutcome
{
    Accepted,
    Transient,
    Permanent,
}

/// <summary>An SMS provider. Implementations must pass <see cref="SmsMessage.Id"/> as the provider's idempotency key.</summary>
public interface ISmsGateway
{
    string Name { get; }

    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
