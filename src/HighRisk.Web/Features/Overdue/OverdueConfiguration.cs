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
    }
}

internal sealed class OverdueListEntryConfiguration : IEntityTypeConfiguration<OverdueListEntry>
{
    public void Configure(EntityTypeBuilder<OverdueListEntry> builder)
    {
        // No foreign key to overdue_lists: the daily job writes a list and its entries in one statement and nothing
        // else writes them, while a per-row key check would cost a third of the snapshot's time at province scale.
        builder.HasKey(e => new { e.ListId, e.Rank });
        builder.Property(e => e.VillageCode).HasMaxLength(12);
        builder.Property(e => e.FacilityCode).HasMaxLength(32);
        builder.Property(e => e.HealthWorker).HasMaxLength(50);
    }
}

internal sealed class DailyOverdueRunConfiguration : IEntityTypeConfiguration<DailyOverdueRun>
{
    public void Configure(EntityTypeBuilder<DailyOverdueRun> builder) => builder.HasKey(r => r.BusinessDate);
}
