using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Reminders;

internal sealed class ReminderPlanConfiguration : IEntityTypeConfiguration<ReminderPlan>
{
    public void Configure(EntityTypeBuilder<ReminderPlan> builder)
    {
        builder.ToTable("reminder_plans");
        builder.HasKey(p => p.PregnancyId);
        builder.Property(p => p.PregnancyId).ValueGeneratedNever();
        builder.HasOne<Pregnancy>().WithOne().HasForeignKey<ReminderPlan>(p => p.PregnancyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.ConsentNote).HasMaxLength(500);
        builder.Property(p => p.ConsentRecordedBy).HasMaxLength(64);
        builder.Property(p => p.ConsentHistory).HasJsonColumn();
        builder.HasMany(p => p.Reminders).WithOne().HasForeignKey(r => r.PregnancyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Reminders).HasField("_reminders");
        builder.HasIndex(p => p.WomanId);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("reminders");
        builder.Property(r => r.Id).ValueGeneratedNever();

        // At most one reminder a day reaches her, whatever her pregnancies' plans say (two planners racing: one fails safe).
        builder.HasIndex(r => new { r.WomanId, r.SendOn }).IsUnique().HasFilter("status = 'Queued'").HasDatabaseName("ux_reminders_one_a_day");
        builder.HasIndex(r => r.SmsMessageId).IsUnique();
    }
}
