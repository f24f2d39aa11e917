using Hangfire;
using HighRisk.Features.Overdue;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Messaging;

/// <summary>Sends queued emails, building each overdue list's .xlsx at send time (township staff see full mobile numbers).</summary>
public sealed partial class MailDeliveryJob(HighRiskDb db, IMailTransport transport, OverdueRows rows, BusinessClock clock, ILogger<MailDeliveryJob> log)
{
    public const int MaxAttempts = 5;

    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queued = await db.MailMessages.Where(m => m.Status == MailStatus.Queued).OrderBy(m => m.CreatedAt).Take(200).ToListAsync(cancellationToken);
        foreach (var message in queued)
        {
            message.Attempts++;
            try
            {
                byte[]? attachment = null;
                if (message.OverdueListId is { } listId)
                {
                    var list = await db.OverdueLists.AsNoTracking().SingleAsync(l => l.Id == listId, cancellationToken);
                    var entries = await rows.ReadAsync(rows.On(list.BusinessDate, list.TownshipCode), list.BusinessDate, fullMobile: true, cancellationToken);
                    attachment = OverdueExports.Workbook(message.Subject, entries);
                }

                await transport.SendAsync(message, attachment, cancellationToken);
                message.Status = MailStatus.Sent;
                message.SentAt = clock.Now;
                message.LastError = null;
            }
            catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException or MailKit.Security.AuthenticationException)
            {
                message.LastError = e.Message;
                message.Status = message.Attempts >= MaxAttempts ? MailStatus.Failed : MailStatus.Queued;
                LogFailed(log, message.Id, message.Attempts, e.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} attempt {Attempts} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid messageId, int attempts, string error);
}
