using System.Globalization;
using System.Net;

namespace HighRisk.Features.Messaging.Providers;

/// <summary>What came back from one provider request: an HTTP answer, or the transient failure that stands in for one.</summary>
internal sealed record ProviderReply(HttpStatusCode Status, string Body, SmsSendResult? Failure);

/// <summary>
/// One request to a provider under the Sms:TimeoutSeconds deadline. No answer in time, a refused or broken connection:
/// transient, worth retrying (the retry carries the same idempotency key). Unless the connection was never made (refused,
/// no such host, TLS failed), the request may have reached the provider: its outcome is unknown
/// (<see cref="SmsSendResult.Unanswered"/>). The caller's own cancellation (shutdown) is not a result and propagates.
/// </summary>
internal static partial class ProviderCall
{
    public static async Task<ProviderReply> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return new ProviderReply(response.StatusCode, body, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return Failed(SmsSendResult.Unanswered($"timeout: no answer within {seconds} s"));
        }
        catch (HttpRequestException e)
        {
            var error = $"connection failed ({e.HttpRequestError}): {SmsPrivacy.Scrub(e.Message)}";
            var neverSent = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
            return Failed(neverSent ? SmsSendResult.Transient(error) : SmsSendResult.Unanswered(error));
        }
        catch (IOException e)
        {
            return Failed(SmsSendResult.Unanswered($"connection broken: {SmsPrivacy.Scrub(e.Message)}"));
        }
    }

    /// <summary>One line per attempt: message id, kind, masked number, outcome. Never the text or a credential.</summary>
    public static SmsSendResult Logged(ILogger log, string provider, SmsMessage message, SmsSendResult result)
    {
        if (result.Outcome == SmsSendOutcome.Accepted)
        {
            LogAccepted(log, message.Id, message.Kind, SmsPrivacy.Mask(message.Recipient), provider, result.ProviderMessageId);
        }
        else
        {
            LogNotAccepted(log, message.Id, message.Kind, SmsPrivacy.Mask(message.Recipient), provider, result.Outcome, result.Error);
        }

        return result;
    }

    private static ProviderReply Failed(SmsSendResult failure) => new(0, string.Empty, failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {MessageId} ({Kind}) to {Recipient} accepted by {Provider} as {ProviderMessageId}")]
    private static partial void LogAccepted(ILogger logger, Guid messageId, SmsKind kind, string recipient, string provider, string? providerMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {MessageId} ({Kind}) to {Recipient} not accepted by {Provider}: {Outcome} {Error}")]
    private static partial void LogNotAccepted(ILogger logger, Guid messageId, SmsKind kind, string recipient, string provider, SmsSendOutcome outcome, string? error);
}
