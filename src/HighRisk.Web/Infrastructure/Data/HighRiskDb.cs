using HighRisk.Features.Accounts;
using HighRisk.Features.Alerts;
using HighRisk.Features.Cases;
using HighRisk.Features.Consultations;
using HighRisk.Features.Audit;
using HighRisk.Features.Contacts;
using HighRisk.Features.Deaths;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Messaging;
using HighRisk.Features.Overdue;
using HighRisk.Features.Divisions;
using HighRisk.Features.Exams;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Referrals;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure.Web;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Infrastructure.Data;

/// <summary>
/// The unit of work. Every pregnancy query is filtered by the acting user's area; saving does nothing but save (domain
/// events are dispatched by the command pipeline, see TransactionBehavior).
/// </summary>
public sealed class HighRiskDb(DbContextOptions<HighRiskDb> options, CurrentUser currentUser)
    : IdentityUserContext<StaffUser, Guid>(options)
{
    /// <summary>The division prefix every pregnancy query is filtered by (null: unrestricted), from the signed-in user.</summary>
    public string? ScopePrefix => currentUser.DivisionPrefix;

    /// <summary>
    /// The scope when it is one whole township (9 digits), else null: her pregnancies are then found by township code, whose
    /// index also gives the lists' order, instead of by a prefix of the residence code.
    /// </summary>
    public string? ScopeTownship => ScopePrefix is { Length: Pregnancy.TownshipCodeLength } township ? township : null;

    /// <summary>The scope when it is not one whole township (a city, a county, a village), else null.</summary>
    public string? ScopeOtherPrefix => ScopePrefix is { Length: not Pregnancy.TownshipCodeLength } prefix ? prefix : null;

    /// <summary>A health worker also sees the women booked at her facility.</summary>
    public string? ScopeFacility => currentUser.FacilityCode;

    /// <summary>The one pregnancy outside the area this request may see through a referral to the user's facility.</summary>
    public Guid? ReferredPregnancy => currentUser.ReferredPregnancy?.PregnancyId;

    /// <summary>The facility whose incoming referrals the user sees.</summary>
    public string? ReferralFacility => currentUser.ReferralFacility;

    public DbSet<Division> Divisions => Set<Division>();

    public DbSet<Facility> Facilities => Set<Facility>();

    public DbSet<Woman> Women => Set<Woman>();

    public DbSet<Pregnancy> Pregnancies => Set<Pregnancy>();

    public DbSet<Exam> Exams => Set<Exam>();

    public DbSet<GradeChange> GradeChanges => Set<GradeChange>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<DivisionContact> DivisionContacts => Set<DivisionContact>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<Features.Transfers.Transfer> Transfers => Set<Features.Transfers.Transfer>();

    public DbSet<CasePlan> CasePlans => Set<CasePlan>();

    public DbSet<CaseArea> CaseAreas => Set<CaseArea>();

    public DbSet<NearMiss> NearMisses => Set<NearMiss>();

    public DbSet<DeathReport> DeathReports => Set<DeathReport>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<ExpertPool> ExpertPools => Set<ExpertPool>();

    public DbSet<Features.Merges.PregnancyMerge> Merges => Set<Features.Merges.PregnancyMerge>();

    public DbSet<SmsMessage> SmsMessages => Set<SmsMessage>();

    public DbSet<MailMessage> MailMessages => Set<MailMessage>();

    public DbSet<OverdueList> OverdueLists => Set<OverdueList>();

    public DbSet<OverdueSpell> OverdueSpells => Set<OverdueSpell>();

    public DbSet<DailyOverdueRun> DailyOverdueRuns => Set<DailyOverdueRun>();

    public DbSet<CatalogueUpgrade> CatalogueUpgrades => Set<CatalogueUpgrade>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<SeedRun> SeedRuns => Set<SeedRun>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names, readable in SQL and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HighRiskDb).Assembly);

        // Region-scoped access: a record outside the user's division is invisible to every query (so it answers 404).
        // EF Core leaves out the terms of a null scope parameter, so a township's staff query by township code alone.
        modelBuilder.Entity<Pregnancy>().HasQueryFilter(p =>
            ScopePrefix == null || p.TownshipCode == ScopeTownship || (ScopeOtherPrefix != null && p.DivisionCode.StartsWith(ScopeOtherPrefix))
            || p.FacilityCode == ScopeFacility || p.Id == ReferredPregnancy);
        // A referral is seen by the sending side (whoever sees her) and by the staff of the facility it was sent to.
        modelBuilder.Entity<Referral>().HasQueryFilter(r =>
            ScopePrefix == null || r.DivisionCode.StartsWith(ScopePrefix) || r.FacilityCode == ScopeFacility || r.ToFacilityCode == ReferralFacility);
        // A transfer is seen by both townships (and the areas above them).
        modelBuilder.Entity<Features.Transfers.Transfer>().HasQueryFilter(t =>
            ScopePrefix == null || t.FromDivisionCode.StartsWith(ScopePrefix) || t.ToDivisionCode.StartsWith(ScopePrefix) || t.FromFacilityCode == ScopeFacility
            || (ScopeFacility != null && t.ToFacilityCode == ScopeFacility)); // EF compares nulls as equal: a transfer naming no facility is no one's
        modelBuilder.Entity<Case>().HasQueryFilter(c =>
            ScopePrefix == null || c.DivisionCode.StartsWith(ScopePrefix) || c.FacilityCode == ScopeFacility);
        modelBuilder.Entity<Consultation>().HasQueryFilter(c =>
            ScopePrefix == null || c.DivisionCode.StartsWith(ScopePrefix) || c.FacilityCode == ScopeFacility);
        modelBuilder.Entity<DeathReport>().HasQueryFilter(r =>
            ScopePrefix == null || r.DivisionCode.StartsWith(ScopePrefix) || r.FacilityCode == ScopeFacility);
        modelBuilder.Entity<Alert>().HasQueryFilter(a =>
            ScopePrefix == null || a.DivisionCode.StartsWith(ScopePrefix) || a.FacilityCode == ScopeFacility);
    }
}
