using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Referrals;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ToFacilityCode).HasMaxLength(32);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.Outcome).HasMaxLength(500);
        builder.Property(r => r.ReferredBy).HasMaxLength(64);
        builder.Property(r => r.OutcomeRecordedBy).HasMaxLength(64);
        builder.HasIndex(r => r.PregnancyId);
    }
}
