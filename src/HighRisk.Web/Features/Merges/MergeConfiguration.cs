using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Merges;

internal sealed class MergeConfiguration : IEntityTypeConfiguration<PregnancyMerge>
{
    public void Configure(EntityTypeBuilder<PregnancyMerge> builder)
    {
        builder.ToTable("pregnancy_merges");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Taken).HasJsonColumn();
        builder.Property(m => m.ReferralIds).HasJsonColumn();
        builder.Property(m => m.ConsultationIds).HasJsonColumn();
        builder.Property(m => m.AlertIds).HasJsonColumn();
        builder.Property(m => m.MergedBy).HasMaxLength(64);
        builder.Property(m => m.UndoneBy).HasMaxLength(64);
        builder.HasIndex(m => m.KeepId);
        builder.HasIndex(m => m.MergedId);
        builder.HasIndex(m => m.MergedAt);
    }
}
