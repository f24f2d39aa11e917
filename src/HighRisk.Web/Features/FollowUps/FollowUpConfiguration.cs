using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.FollowUps;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Note).HasMaxLength(2000);
        builder.Property(f => f.RecordedBy).HasMaxLength(64);
        builder.HasIndex(f => new { f.PregnancyId, f.Date });
    }
}
