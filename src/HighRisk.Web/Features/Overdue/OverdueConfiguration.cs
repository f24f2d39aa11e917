using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Overdue;

internal sealed class OverdueListConfiguration : IEntityTypeConfiguration<OverdueList>
{
    public void Configure(EntityTypeBuilder<OverdueList> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TownshipCode).HasMaxLength(9);
        builder.HasIndex(l => new { l.BusinessDate, l.TownshipCode }).IsUnique();
        builder.HasMany(l => l.Entries).WithOne().HasForeignKey(e => e.ListId);
    }
}

internal sealed class OverdueListEntryConfiguration : IEntityTypeConfiguration<OverdueListEntry>
{
    public void Configure(EntityTypeBuilder<OverdueListEntry> builder)
    {
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.VillageCode).HasMaxLength(12);
        builder.Property(e => e.FacilityCode).HasMaxLength(32);
        builder.Property(e => e.MaskedName).HasMaxLength(50);
        builder.Property(e => e.MobileMasked).HasMaxLength(11);
        builder.Property(e => e.HealthWorker).HasMaxLength(50);
        builder.HasIndex(e => new { e.ListId, e.Rank });
    }
}

internal sealed class DailyOverdueRunConfiguration : IEntityTypeConfiguration<DailyOverdueRun>
{
    public void Configure(EntityTypeBuilder<DailyOverdueRun> builder) => builder.HasKey(r => r.BusinessDate);
}
