using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Rectification.Domain.Auditing;
using Rectification.Domain.Clues;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Abstractions;

/// <summary>The DbContext as the use cases see it: it is the repository, and the transaction behavior owns SaveChanges.</summary>
public interface IAppDbContext
{
    DbSet<Domain.Organization.Unit> Units { get; }
    DbSet<UserAccount> Users { get; }
    DbSet<Round> Rounds { get; }
    DbSet<Inspection> Inspections { get; }
    DbSet<Problem> Problems { get; }
    DbSet<Plan> Plans { get; }
    DbSet<Clue> Clues { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<OutboxMessage> Outbox { get; }
    DbSet<ReminderStepRecord> ReminderSteps { get; }
    DbSet<SupervisionTask> Tasks { get; }
    DbSet<DeadlineExtension> Extensions { get; }
    DbSet<Delegation> Delegations { get; }
    DbSet<Domain.Evaluations.EffectEvaluation> Evaluations { get; }
    DbSet<EvidenceFile> EvidenceFiles { get; }
    DbSet<Domain.Receipts.Receipt> Receipts { get; }
    DbSet<LedgerLineChange> LineChanges { get; }
    DbSet<Domain.CommonProblems.CommonProblemPush> CommonProblemPushes { get; }
    DbSet<Domain.CommonProblems.SelfCheckTask> SelfCheckTasks { get; }
    DbSet<Domain.Reporting.ReportSnapshot> ReportSnapshots { get; }

    DatabaseFacade Database { get; }
    ChangeTracker ChangeTracker { get; }
    EntityEntry Entry(object entity);
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
