using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Divisions;

internal sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(12);
        builder.Property(d => d.Name).HasMaxLength(64);
        builder.Property(d => d.ParentCode).HasMaxLength(12);
        builder.HasIndex(d => d.ParentCode);
    }
}

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("ck_facilities_level", "level BETWEEN 1 AND 3"));
        builder.HasKey(f => f.Code);
        builder.Property(f => f.Code).HasMaxLength(32);
        builder.Property(f => f.Name).HasMaxLength(128);
        builder.Property(f => f.DivisionCode).HasMaxLength(12);
        builder.HasIndex(f => f.DivisionCode);
    }
}
