using HighRisk.Rules;
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

internal sealed class OverdueSpellConfiguration : IEntityTypeConfiguration<OverdueSpell>
{
    public void Configure(EntityTypeBuilder<OverdueSpell> builder)
    {
        // No foreign key to pregnancies: the daily job alone writes spells, thousands in one statement, and a per-row key
        // check would cost more than the write.
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.TownshipCode).HasMaxLength(9);
        builder.Property(e => e.VillageCode).HasMaxLength(12);
        builder.Property(e => e.FacilityCode).HasMaxLength(32);
        builder.Property(e => e.HealthWorker).HasMaxLength(50);

        // The list's order (OverdueRows), so that a page is read by walking the index from the cursor; the spells that do
        // not cover the date are skipped on the index's own until/from columns, without reading the table.
        builder.Property(e => e.Urgency).HasComputedColumnSql(
            $"CASE WHEN colour = '{nameof(RiskColour.Red)}' THEN 0 WHEN colour = '{nameof(RiskColour.Orange)}' THEN 1 WHEN purple THEN 2 " +
            $"WHEN colour = '{nameof(RiskColour.Yellow)}' THEN 3 ELSE 4 END", stored: true);
        builder.HasIndex(e => new { e.TownshipCode, e.Urgency, e.DueDate, e.PregnancyId, e.UntilDate, e.FromDate }).HasDatabaseName("ix_overdue_spells_list_order");

        // The open spells: the daily job finds a woman's by her pregnancy, and counts each township's list from the index alone.
        builder.HasIndex(e => e.PregnancyId).HasFilter("until_date = 'infinity'").HasDatabaseName("ix_overdue_spells_open")
            .IncludeProperties(e => new { e.TownshipCode, e.Colour, e.Purple, e.State });
    }
}

internal sealed class DailyOverdueRunConfiguration : IEntityTypeConfiguration<DailyOverdueRun>
{
    public void Configure(EntityTypeBuilder<DailyOverdueRun> builder) => builder.HasKey(r => r.BusinessDate);
}
