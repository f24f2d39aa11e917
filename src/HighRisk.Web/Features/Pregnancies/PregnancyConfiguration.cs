using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Pregnancies;

internal sealed class WomanConfiguration : IEntityTypeConfiguration<Woman>
{
    public void Configure(EntityTypeBuilder<Woman> builder)
    {
        // Ids are made by the aggregate (UUIDv7), so a new child reached through a navigation is an insert.
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.FullName).HasMaxLength(50);
        builder.Property(w => w.FullNameMasked).HasMaxLength(50);
        builder.Property(w => w.ResidentIdHash).HasMaxLength(64);
        builder.Property(w => w.ResidentIdMasked).HasMaxLength(18);
        builder.Property(w => w.MobileHash).HasMaxLength(64);
        builder.Property(w => w.MobileMasked).HasMaxLength(11);
        builder.HasIndex(w => w.ResidentIdHash).IsUnique();
        builder.HasIndex(w => w.MobileHash);
        builder.HasIndex(w => new { w.FullName, w.BirthDate }); // possible duplicates: the same name and birth date under another resident ID
    }
}

internal sealed class PregnancyConfiguration : IEntityTypeConfiguration<Pregnancy>
{
    public void Configure(EntityTypeBuilder<Pregnancy> builder)
    {
        // Ids are made by the aggregate (UUIDv7), so a new child reached through a navigation is an insert.
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).UseIdentityAlwaysColumn();
        builder.HasIndex(p => p.Number).IsUnique();
        builder.Property(p => p.DivisionCode).HasMaxLength(12);
        builder.Property(p => p.TownshipCode).HasMaxLength(9);
        builder.Property(p => p.Address).HasMaxLength(200);
        builder.Property(p => p.FacilityCode).HasMaxLength(32);
        builder.Property(p => p.HealthWorker).HasMaxLength(50);
        builder.Property(p => p.ReceivingFacility).HasMaxLength(100);
        builder.Property(p => p.HeightCm).HasPrecision(5, 1);
        builder.Property(p => p.WeightKg).HasPrecision(5, 1);
        builder.Property(p => p.History).HasJsonColumn();
        builder.Property(p => p.Factors).HasJsonColumn();
        builder.Property(p => p.Raises).HasJsonColumn();
        builder.Property(p => p.CatalogueVersion).HasMaxLength(64);
        builder.Ignore(p => p.Events);
        builder.HasOne(p => p.Woman).WithMany().HasForeignKey(p => p.WomanId);
        builder.HasMany(p => p.Exams).WithOne().HasForeignKey(e => e.PregnancyId);
        builder.HasMany(p => p.GradeHistory).WithOne().HasForeignKey(g => g.PregnancyId);
        builder.HasMany(p => p.FollowUps).WithOne().HasForeignKey(f => f.PregnancyId);
        builder.OwnsOne(p => p.Schedule, schedule =>
        {
            // Plain column names: the daily overdue job updates them with set-based SQL.
            schedule.Property(s => s.NextDueDate).HasColumnName("next_due_date");
            schedule.Property(s => s.NextDueKind).HasColumnName("next_due_kind");
            schedule.Property(s => s.CareDueDate).HasColumnName("care_due_date");
            schedule.Property(s => s.CareDueKind).HasColumnName("care_due_kind");
            schedule.Property(s => s.ReferralDueDate).HasColumnName("referral_due_date");
            schedule.Property(s => s.LastContactDate).HasColumnName("last_contact_date");
            schedule.Property(s => s.FailedAttempts).HasColumnName("failed_attempts");
            schedule.Property(s => s.FirstFailedAttempt).HasColumnName("first_failed_attempt");
            schedule.Property(s => s.LastFailedAttempt).HasColumnName("last_failed_attempt");
            schedule.Property(s => s.PostpartumVisitDone).HasColumnName("postpartum_visit_done");
            schedule.Property(s => s.MovedAwayOn).HasColumnName("moved_away_on");
            schedule.Property(s => s.State).HasColumnName("follow_up_state");

            // The review date and its revision in a narrow row of their own, one per pregnancy: a full run of the daily job
            // writes every woman's review, and a new version of this row costs a fraction of a new version of hers, with
            // its eight indexes (docs/benchmarks.md, session 19).
            schedule.SplitToTable("follow_up_reviews", review =>
            {
                review.Property<Guid>("PregnancyId").HasColumnName("pregnancy_id");
                review.Property(s => s.ReviewOn).HasColumnName("review_on");
                review.Property(s => s.Revision).HasColumnName("revision");
            });

            // The daily job's work list: the women whose review date has come.
            schedule.HasIndex(s => s.ReviewOn).HasFilter("review_on IS NOT NULL").HasDatabaseName("ix_follow_up_reviews_review_on");
        });
        builder.Navigation(p => p.Schedule).IsRequired();

        // At most one open pregnancy per woman, enforced by the database so that two bookings racing both fail safe.
        builder.HasIndex(p => p.WomanId).IsUnique().HasFilter("status = 'Open'").HasDatabaseName("ux_pregnancies_one_open_per_woman");

        // The pregnancy list, newest first and keyset-paged on number: a division by prefix, a township read in the list's
        // order from (township, number), stopping at the page's end.
        builder.HasIndex(p => p.DivisionCode).HasOperators("text_pattern_ops");
        builder.HasIndex(p => new { p.TownshipCode, p.Number });
        builder.HasIndex(p => p.CatalogueVersion).HasFilter("status = 'Open'");

        // The overdue and lost, by township: the overdue filter and a full run of the daily job read only these rows.
        // Partial, so that the follow-up state of the 90 % on track is not indexed at all.
        builder.HasIndex(p => p.TownshipCode).HasFilter("follow_up_state IN ('Overdue', 'Lost')").HasDatabaseName("ix_pregnancies_overdue");

        // Room on each page for the new row version: an exam rewrites the row, and without a changed indexed column
        // PostgreSQL can then update it in place (HOT) instead of adding an entry to every index.
        builder.HasStorageParameter("fillfactor", 90);
    }
}
