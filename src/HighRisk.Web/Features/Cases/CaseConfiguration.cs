using HighRisk.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HighRisk.Features.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.PregnancyId).IsUnique();
        builder.Property(c => c.DivisionCode).HasMaxLength(12);
        builder.Property(c => c.TownshipCode).HasMaxLength(9);
        builder.Property(c => c.FacilityCode).HasMaxLength(32);
        builder.Property(c => c.OpenedAs).HasMaxLength(8);
        builder.Property(c => c.ReportAcknowledgedBy).HasMaxLength(64);
        builder.Property(c => c.CareFacilityCode).HasMaxLength(32);
        builder.Property(c => c.DeliveryFacilityCode).HasMaxLength(32);
        builder.Property(c => c.AssessmentFacilityCode).HasMaxLength(32);
        builder.Property(c => c.LevelMismatches).HasJsonColumn();
        builder.Property(c => c.ClosedBy).HasMaxLength(64);
        builder.Property(c => c.CloseReason).HasMaxLength(500);
        builder.HasMany(c => c.Plans).WithOne().HasForeignKey(p => p.CaseId);
        builder.Navigation(c => c.Plans).HasField("_plans");
        builder.HasIndex(c => c.DivisionCode).HasOperators("text_pattern_ops");
        builder.Property(c => c.CityCode).HasMaxLength(4);
        builder.Property(c => c.CountyCode).HasMaxLength(6);

        // The board's first pages, in its order, for a city, a county, a township and everyone (ListCases reads the page of
        // cases alone, then their pregnancies). The status is a key column so that "closed" and "all" boards use them too.
        builder.HasIndex(c => new { c.CityCode, c.Status, c.BoardRank, c.Edd, c.Id }).HasDatabaseName("ix_cases_board_city");
        builder.HasIndex(c => new { c.CountyCode, c.Status, c.BoardRank, c.Edd, c.Id }).HasDatabaseName("ix_cases_board_county");
        builder.HasIndex(c => new { c.TownshipCode, c.Status, c.BoardRank, c.Edd, c.Id }).HasDatabaseName("ix_cases_board_township");
        builder.HasIndex(c => new { c.Status, c.BoardRank, c.Edd, c.Id }).HasDatabaseName("ix_cases_board");
        builder.HasIndex(c => c.ManagerId);
        builder.HasIndex(c => c.ReviewAt).HasFilter("review_at IS NOT NULL");
    }
}

internal sealed class CasePlanConfiguration : IEntityTypeConfiguration<CasePlan>
{
    public void Configure(EntityTypeBuilder<CasePlan> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => new { p.CaseId, p.Version }).IsUnique();
        builder.Property(p => p.CareFacilityCode).HasMaxLength(32);
        builder.Property(p => p.DeliveryFacilityCode).HasMaxLength(32);
        builder.Property(p => p.TreatmentPlan).HasMaxLength(2000);
        builder.Property(p => p.EmergencyPlan).HasMaxLength(2000);
        builder.Property(p => p.Continuation).HasJsonColumn();
        builder.Property(p => p.Pmtct).HasJsonColumn();
        builder.Property(p => p.LevelMismatches).HasJsonColumn();
        builder.Property(p => p.Author).HasMaxLength(64);
    }
}

internal sealed class CaseAreaConfiguration : IEntityTypeConfiguration<CaseArea>
{
    public void Configure(EntityTypeBuilder<CaseArea> builder)
    {
        builder.HasKey(a => a.DivisionPrefix);
        builder.Property(a => a.DivisionPrefix).HasMaxLength(12);
        builder.Property(a => a.UpdatedBy).HasMaxLength(64);
        builder.HasIndex(a => a.ManagerId);
    }
}

internal sealed class NearMissConfiguration : IEntityTypeConfiguration<NearMiss>
{
    public void Configure(EntityTypeBuilder<NearMiss> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasIndex(n => n.CaseId);
        builder.Property(n => n.FacilityCode).HasMaxLength(32);
        builder.Property(n => n.Criteria).HasJsonColumn();
        builder.Property(n => n.Outcome).HasMaxLength(16);
        builder.Property(n => n.Note).HasMaxLength(500);
        builder.Property(n => n.RecordedBy).HasMaxLength(64);
    }
}
