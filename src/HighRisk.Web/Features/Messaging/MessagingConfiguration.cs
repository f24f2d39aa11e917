using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Messaging;

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.DedupKey).HasMaxLength(200);
        builder.Property(m => m.Recipient).HasMaxLength(11);
        builder.Property(m => m.Text).HasMaxLength(500);
        builder.Property(m => m.TemplateCode).HasMaxLength(64);
        builder.Property(m => m.SignName).HasMaxLength(32);
        builder.Property(m => m.TemplateParams).HasColumnType("jsonb");
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.Property(m => m.Provider).HasMaxLength(32);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(100);
        builder.Property(m => m.ReceiptCode).HasMaxLength(64);
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.HasIndex(m => m.ProviderMessageId);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.AlertId);
    }
}

internal sealed class MailMessageConfiguration : IEntityTypeConfiguration<MailMessage>
{
    public void Configure(EntityTypeBuilder<MailMessage> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.DedupKey).HasMaxLength(200);
        builder.Property(m => m.Recipient).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.HasIndex(m => m.Status);
    }
}
