using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HighRisk.Features.Messaging;

/// <summary>Sends one email; the development sink (no SMTP host configured) keeps the attachment in the outbox instead.</summary>
public interface IMailTransport
{
    string Name { get; }

    Task SendAsync(MailMessage message, byte[]? attachment, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit: port 465 implicit TLS, otherwise STARTTLS when the server offers it.</summary>
public sealed class SmtpMailTransport(IConfiguration configuration) : IMailTransport
{
    public string Name => "smtp";

    public async Task SendAsync(MailMessage message, byte[]? attachment, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(configuration["Smtp:From"] ?? "highrisk@localhost"));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        mime.MessageId = $"{message.Id:N}@highrisk";
        var body = new BodyBuilder { TextBody = message.Body };
        if (attachment is not null)
        {
            body.Attachments.Add(message.AttachmentName ?? "overdue.xlsx", attachment, ContentType.Parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        }

        mime.Body = body.ToMessageBody();
        using var smtp = new SmtpClient();
        var port = configuration.GetValue("Smtp:Port", 587);
        await smtp.ConnectAsync(configuration["Smtp:Host"] ?? "localhost", port, port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (configuration["Smtp:User"] is { Length: > 0 } user)
        {
            await smtp.AuthenticateAsync(user, configuration["Smtp:Password"] ?? string.Empty, cancellationToken);
        }

        await smtp.SendAsync(mime, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>The development sink: nothing leaves the machine; the message and its attachment stay in the outbox table.</summary>
public sealed class SinkMailTransport : IMailTransport
{
    public string Name => "sink";

    public Task SendAsync(MailMessage message, byte[]? attachment, CancellationToken cancellationToken)
    {
        message.SinkAttachment = attachment;
        return Task.CompletedTask;
    }
}
