using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Exams;

internal sealed class ExamConfiguration : IEntityTypeConfiguration<Exam>
{
    public void Configure(EntityTypeBuilder<Exam> builder)
    {
        // Ids are made by the aggregate (UUIDv7), so a new child reached through a navigation is an insert.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.FacilityCode).HasMaxLength(32);
        builder.Property(e => e.Examiner).HasMaxLength(50);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.Measurements).HasJsonColumn();
        builder.Property(e => e.Resolved).HasJsonColumn();
        builder.HasIndex(e => new { e.PregnancyId, e.ExamDate });
    }
}
