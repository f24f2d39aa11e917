using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Risk;

internal sealed class GradeChangeConfiguration : IEntityTypeConfiguration<GradeChange>
{
    public void Configure(EntityTypeBuilder<GradeChange> builder)
    {
        // Ids are made by the aggregate (UUIDv7), so a new child reached through a navigation is an insert.
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.ToTable("grade_changes");
        builder.Property(g => g.Factors).HasJsonColumn();
        builder.Property(g => g.CatalogueVersion).HasMaxLength(64);
        builder.Property(g => g.ChangedBy).HasMaxLength(50);
        // Assigned once by the database; a row that moves to another record (a merge) keeps its place in the order.
        builder.Property(g => g.Sequence).UseIdentityAlwaysColumn().Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        builder.HasIndex(g => new { g.PregnancyId, g.Sequence });
    }
}

internal sealed class CatalogueUpgradeConfiguration : IEntityTypeConfiguration<CatalogueUpgrade>
{
    public void Configure(EntityTypeBuilder<CatalogueUpgrade> builder)
    {
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.CatalogueVersion).HasMaxLength(64);
    }
}
