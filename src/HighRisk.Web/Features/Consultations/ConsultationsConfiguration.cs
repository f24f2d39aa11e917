using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Consultations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.DivisionCode).HasMaxLength(12);
        builder.Property(c => c.TownshipCode).HasMaxLength(9);
        builder.Property(c => c.FacilityCode).HasMaxLength(32);
        builder.Property(c => c.Question).HasMaxLength(2000);
        builder.Property(c => c.AskedBy).HasMaxLength(50);
        builder.Property(c => c.TakenBy).HasMaxLength(50);
        builder.Property(c => c.AnswerText).HasMaxLength(2000);
        builder.Property(c => c.RaiseReason).HasMaxLength(500);
        builder.HasOne<ExpertPool>().WithMany().HasForeignKey(c => c.PoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PregnancyId);
        builder.HasIndex(c => c.DivisionCode).HasOperators("text_pattern_ops");
        builder.HasIndex(c => new { c.PoolId, c.Status });
        builder.HasIndex(c => new { c.AnswerDue, c.Id });
        builder.HasIndex(c => c.ReviewAt).HasFilter("review_at IS NOT NULL");
    }
}

internal sealed class ExpertPoolConfiguration : IEntityTypeConfiguration<ExpertPool>
{
    public void Configure(EntityTypeBuilder<ExpertPool> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(50);
        builder.Property(p => p.DivisionCode).HasMaxLength(6);
        builder.Property(p => p.UpdatedBy).HasMaxLength(64);

        // One pool per specialty and division: a question finds exactly one (the longest division prefix of hers).
        builder.HasIndex(p => new { p.Specialty, p.DivisionCode }).IsUnique();
    }
}
