using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Deaths;

internal sealed class DeathReportConfiguration : IEntityTypeConfiguration<DeathReport>
{
    public void Configure(EntityTypeBuilder<DeathReport> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => r.PregnancyId).IsUnique();
        builder.Property(r => r.DivisionCode).HasMaxLength(12);
        builder.Property(r => r.TownshipCode).HasMaxLength(9);
        builder.Property(r => r.FacilityCode).HasMaxLength(32);
        builder.Property(r => r.UsualAddress).HasMaxLength(200);
        builder.Property(r => r.CurrentAddress).HasMaxLength(200);
        builder.Property(r => r.DeliveryPlace).HasMaxLength(100);
        builder.Property(r => r.DeathPlace).HasMaxLength(100);
        builder.Property(r => r.TransferredFrom).HasMaxLength(100);
        builder.Property(r => r.Causes).HasJsonColumn();
        builder.Property(r => r.SubmittedBy).HasMaxLength(64);
        builder.HasIndex(r => r.DivisionCode).HasOperators("text_pattern_ops");
    }
}
