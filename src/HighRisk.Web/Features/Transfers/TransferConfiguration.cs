using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Transfers;

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.FromDivisionCode).HasMaxLength(12);
        builder.Property(t => t.FromFacilityCode).HasMaxLength(32);
        builder.Property(t => t.ToDivisionCode).HasMaxLength(12);
        builder.Property(t => t.ToFacilityCode).HasMaxLength(32);
        builder.Property(t => t.Reason).HasMaxLength(500);
        builder.Property(t => t.RequestedBy).HasMaxLength(64);
        builder.Property(t => t.DecidedBy).HasMaxLength(64);
        builder.Property(t => t.DeclineReason).HasMaxLength(500);
        builder.Ignore(t => t.ToTownshipCode);
        builder.Ignore(t => t.Late);

        // One transfer waiting for its answer per pregnancy: two townships asking for her at once cannot both get a request in.
        builder.HasIndex(t => t.PregnancyId).IsUnique().HasFilter("status = 'Requested'").HasDatabaseName("ix_transfers_pending");
        builder.HasIndex(t => t.FromDivisionCode).HasOperators("text_pattern_ops");
        builder.HasIndex(t => t.ToDivisionCode).HasOperators("text_pattern_ops");
        builder.HasIndex(t => t.ReviewAt).HasFilter("review_at IS NOT NULL");
    }
}
