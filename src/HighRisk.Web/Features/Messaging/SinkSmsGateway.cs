namespace HighRisk.Features.Messaging;

/// <summary>
/// The development gateway, used when no provider is configured: the message stays in the database (status sent,
/// provider "sink") and a line goes to the log — recipient masked, no text — so the run command works offline.
/// </summary>
public sealed partial class SinkSmsGateway(ILogger<SinkSmsGateway> log) : ISmsGateway
{
    public string Name => "sink";

    public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        LogSunk(log, message.Id, message.Kind, message.Recipient[..3] + "****" + message.Recipient[^4..]);
        return Task.FromResult(SmsSendResult.Accepted($"sink-{message.Id:N}"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS sink: {MessageId} ({Kind}) to {Recipient} recorded, not sent")]
    private static partial void LogSunk(ILogger logger, Guid messageId, SmsKind kind, string recipient);
}
