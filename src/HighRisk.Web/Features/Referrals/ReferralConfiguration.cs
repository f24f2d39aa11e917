using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Referrals;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.DivisionCode).HasMaxLength(12);
        builder.Property(r => r.FacilityCode).HasMaxLength(32);
        builder.Property(r => r.FromFacilityCode).HasMaxLength(32);
        builder.Property(r => r.ToFacilityCode).HasMaxLength(32);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.ReferredBy).HasMaxLength(64);
        builder.Property(r => r.AcceptedBy).HasMaxLength(64);
        builder.Property(r => r.DeclinedBy).HasMaxLength(64);
        builder.Property(r => r.DeclineReason).HasMaxLength(500);
        builder.Property(r => r.ArrivalRecordedBy).HasMaxLength(64);
        builder.Property(r => r.CompletedBy).HasMaxLength(64);
        builder.Property(r => r.Findings).HasMaxLength(2000);
        builder.Property(r => r.Treatment).HasMaxLength(2000);
        builder.Property(r => r.Advice).HasMaxLength(2000);
        builder.Property(r => r.CancelledBy).HasMaxLength(64);
        builder.Property(r => r.CancelReason).HasMaxLength(500);
        builder.Property(r => r.Slip).HasJsonColumn();
        builder.HasIndex(r => r.PregnancyId);

        // The inboxes, newest first: a facility's incoming, and the sending area's outgoing (by residence or booking facility).
        builder.HasIndex(r => new { r.ToFacilityCode, r.Id });
        builder.HasIndex(r => r.DivisionCode).HasOperators("text_pattern_ops");
        builder.HasIndex(r => new { r.FacilityCode, r.Id });
        builder.HasIndex(r => r.ReviewAt).HasFilter("review_at IS NOT NULL");
    }
}
