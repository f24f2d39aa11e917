using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Colour).HasMaxLength(16);
        builder.Property(a => a.DivisionCode).HasMaxLength(12);
        builder.Property(a => a.TownshipCode).HasMaxLength(9);
        builder.Property(a => a.FacilityCode).HasMaxLength(32);
        builder.Property(a => a.MaskedName).HasMaxLength(50);
        builder.Property(a => a.Factor).HasMaxLength(64);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(64);
        builder.Property(a => a.ActionTaken).HasMaxLength(500);
        builder.Property(a => a.EscalationReason).HasMaxLength(32);
        builder.HasIndex(a => a.PregnancyId);
        builder.HasIndex(a => a.GradeChangeId).IsUnique();
        builder.HasIndex(a => new { a.DivisionCode, a.Status });

        // /health/ready counts these on every probe: an index of the few, not a scan of every alert.
        builder.HasIndex(a => a.NoRecipient).HasFilter("no_recipient AND acknowledged_at IS NULL").HasDatabaseName("ix_alerts_reached_nobody");
    }
}
