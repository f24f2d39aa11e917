using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Contacts;

internal sealed class DivisionContactConfiguration : IEntityTypeConfiguration<DivisionContact>
{
    public void Configure(EntityTypeBuilder<DivisionContact> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.DivisionCode).HasMaxLength(12);
        builder.Property(c => c.Name).HasMaxLength(50);
        builder.Property(c => c.Mobile).HasMaxLength(11);
        builder.Property(c => c.Email).HasMaxLength(200);
        builder.Property(c => c.FacilityCode).HasMaxLength(32);
        builder.HasIndex(c => c.FacilityCode).HasFilter("facility_code IS NOT NULL");
        builder.HasIndex(c => new { c.DivisionCode, c.Role });
        builder.HasIndex(c => new { c.DivisionCode, c.Role, c.Name }).IsUnique();
    }
}
