using HighRisk.Features.Accounts;
using HighRisk.Features.Alerts;
using HighRisk.Features.Audit;
using HighRisk.Features.Contacts;
using HighRisk.Features.FollowUps;
using HighRisk.Features.Messaging;
using HighRisk.Features.Overdue;
using HighRisk.Features.Divisions;
using HighRisk.Features.Exams;
using HighRisk.Features.Pregnancies;
using HighRisk.Features.Referrals;
using HighRisk.Features.Risk;
using HighRisk.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HighRisk.Infrastructure.Data;

public sealed class HighRiskDb(
    DbContextOptions<HighRiskDb> options, IPublisher? publisher = null, CurrentUser? currentUser = null, FollowUpPolicy? policy = null, BusinessClock? clock = null)
    : IdentityUserContext<StaffUser, Guid>(options)
{
    /// <summary>The division prefix every pregnancy query is filtered by (null: unrestricted), from the signed-in user.</summary>
    public string? ScopePrefix => currentUser?.DivisionPrefix;

    /// <summary>A health worker also sees the women booked at her facility.</summary>
    public string? ScopeFacility => currentUser?.FacilityCode;

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

    public DbSet<SmsMessage> SmsMessages => Set<SmsMessage>();

    public DbSet<MailMessage> MailMessages => Set<MailMessage>();

    public DbSet<OverdueList> OverdueLists => Set<OverdueList>();

    public DbSet<OverdueSpell> OverdueSpells => Set<OverdueSpell>();

    public DbSet<DailyOverdueRun> DailyOverdueRuns => Set<DailyOverdueRun>();

    public DbSet<CatalogueUpgrade> CatalogueUpgrades => Set<CatalogueUpgrade>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<SeedRun> SeedRuns => Set<SeedRun>();

    /// <summary>
    /// Dispatches the aggregates' domain events before saving, so that their handlers' writes (alert outbox rows)
    /// commit in the same transaction as the change that raised them; and works out the follow-up review date of every
    /// pregnancy saved with a change, whichever use case changed it.
    /// </summary>
    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var pregnancies = ChangeTracker.Entries<Pregnancy>().ToList();
        if (publisher is not null)
        {
            var raisers = pregnancies.Select(e => e.Entity).Where(p => p.Events.Count > 0).ToList();
            foreach (var pregnancy in raisers)
            {
                var events = pregnancy.Events.ToList();
                pregnancy.ClearEvents();
                foreach (var domainEvent in events)
                {
                    await publisher.Publish(domainEvent, cancellationToken);
                }
            }
        }

        if (policy is not null && clock is not null)
        {
            foreach (var entry in pregnancies)
            {
                var schedule = entry.Reference(p => p.Schedule).TargetEntry;
                if (entry.State is EntityState.Added or EntityState.Modified || schedule?.State is EntityState.Modified)
                {
                    var was = entry.State == EntityState.Added ? null : schedule?.Property(s => s.State).OriginalValue;
                    entry.Entity.Schedule.PlanReview(clock.Today, entry.Entity.Grade, entry.Entity.Purple, was is FollowUpState.Overdue or FollowUpState.Lost, policy);
                }
            }
        }

        return await base.SaveChangesAsync(cancellationToken);
    }

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
        modelBuilder.Entity<Pregnancy>().HasQueryFilter(p =>
            ScopePrefix == null || p.DivisionCode.StartsWith(ScopePrefix) || p.FacilityCode == ScopeFacility);
        modelBuilder.Entity<Alert>().HasQueryFilter(a =>
            ScopePrefix == null || a.DivisionCode.StartsWith(ScopePrefix) || a.FacilityCode == ScopeFacility);
    }
}
