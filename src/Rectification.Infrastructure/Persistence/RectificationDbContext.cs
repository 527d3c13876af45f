using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rectification.Application.Abstractions;
using Rectification.Domain.Auditing;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;
using Unit = Rectification.Domain.Organization.Unit;

namespace Rectification.Infrastructure.Persistence;

public sealed class RectificationDbContext(DbContextOptions<RectificationDbContext> options) : DbContext(options), IAppDbContext,
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<Identity.Account> Accounts => Set<Identity.Account>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Problem> Problems => Set<Problem>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Clue> Clues => Set<Clue>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<PublishedLifecycle> PublishedLifecycles => Set<PublishedLifecycle>();
    public DbSet<ReminderStepRecord> ReminderSteps => Set<ReminderStepRecord>();
    public DbSet<SupervisionTask> Tasks => Set<SupervisionTask>();
    public DbSet<DeadlineExtension> Extensions => Set<DeadlineExtension>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<Domain.Evaluations.EffectEvaluation> Evaluations => Set<Domain.Evaluations.EffectEvaluation>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<Domain.Receipts.Receipt> Receipts => Set<Domain.Receipts.Receipt>();
    public DbSet<LedgerLineChange> LineChanges => Set<LedgerLineChange>();
    public DbSet<Domain.CommonProblems.CommonProblemPush> CommonProblemPushes => Set<Domain.CommonProblems.CommonProblemPush>();
    public DbSet<Domain.CommonProblems.SelfCheckTask> SelfCheckTasks => Set<Domain.CommonProblems.SelfCheckTask>();
    public DbSet<Domain.Reporting.ReportSnapshot> ReportSnapshots => Set<Domain.Reporting.ReportSnapshot>();

    /// <summary>The keys that protect sign-in cookies and forms, shared by every instance on this database and kept across redeploys.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    // New audit entries join the hash chain at save time, inside the caller's transaction.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(AuditChainInterceptor.Instance);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so that the database reads like the glossary and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Instants are UTC everywhere; SQLite cannot compare DateTimeOffset, and reads come back Unspecified without this.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RectificationDbContext).Assembly);

        // Identifiers are assigned by the domain (version-7 GUIDs), so a child added to an aggregate's collection
        // (a revision, a signature, a progress report) is an insert, never mistaken for an update of an existing row.
        foreach (var key in modelBuilder.Model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.FindPrimaryKey()))
        {
            if (key is { Properties: [{ ClrType: var type } property] } && type == typeof(Guid))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = (long)entry.OriginalValues[nameof(IVersioned.Version)]! + 1;
        }

        return base.SaveChangesAsync(cancellationToken);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>A lifecycle version as first published. Its text is kept so that cases started on it keep running on it.</summary>
public sealed class PublishedLifecycle
{
    public string Name { get; set; } = "";
    public int Version { get; set; }
    public string ContentHash { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime PublishedAt { get; set; }
}
