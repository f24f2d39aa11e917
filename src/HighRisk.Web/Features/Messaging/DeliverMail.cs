using HighRisk.Features.Overdue;
using HighRisk.Infrastructure;
using HighRisk.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Features.Messaging;

/// <summary>
/// Sends one queued email, building its overdue list's .xlsx at send time (township staff see full mobile numbers), and
/// records the outcome: sent, or queued again until <see cref="MaxAttempts"/> attempts, then failed.
/// </summary>
public static partial class DeliverMail
{
    public const int MaxAttempts = 5;

    /// <summary>The queued emails, oldest first.</summary>
    public sealed record Queued(int Limit) : IQuery<IReadOnlyList<Guid>>;

    public sealed record Command(Guid MailId) : ICommand<MailStatus>;

    public sealed class QueuedHandler(HighRiskDb db) : IQueryHandler<Queued, IReadOnlyList<Guid>>
    {
        public async ValueTask<IReadOnlyList<Guid>> Handle(Queued query, CancellationToken cancellationToken) =>
            await db.MailMessages.Where(m => m.Status == MailStatus.Queued).OrderBy(m => m.CreatedAt).Take(query.Limit).Select(m => m.Id).ToListAsync(cancellationToken);
    }

    public sealed partial class Handler(HighRiskDb db, IMailTransport transport, OverdueRows rows, BusinessClock clock, ILogger<Handler> log) : ICommandHandler<Command, MailStatus>
    {
        public async ValueTask<MailStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var message = await db.MailMessages.SingleAsync(m => m.Id == command.MailId, cancellationToken);
            if (message.Status != MailStatus.Queued)
            {
                return message.Status;
            }

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
            catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException
                or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException or MailKit.Security.AuthenticationException)
            {
                message.LastError = e.Message;
                message.Status = message.Attempts >= MaxAttempts ? MailStatus.Failed : MailStatus.Queued;
                LogFailed(log, message.Id, message.Attempts, e.Message);
            }

            return message.Status;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} attempt {Attempts} failed: {Error}")]
        private static partial void LogFailed(ILogger logger, Guid messageId, int attempts, string error);
    }
}
