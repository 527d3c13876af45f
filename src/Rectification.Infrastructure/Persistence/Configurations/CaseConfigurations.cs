using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rectification.Domain.Auditing;
using Rectification.Domain.Clues;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;

namespace Rectification.Infrastructure.Persistence.Configurations;

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.ToTable("Problems");
        b.Property(p => p.Code).HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Category).HasMaxLength(100);
        b.Property(p => p.State).HasMaxLength(40);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.OwnsOne(p => p.Dossier, d =>
        {
            d.Property(x => x.Facts).HasColumnName("DossierFacts");
            d.Property(x => x.Basis).HasColumnName("DossierBasis");
            d.Property(x => x.ProcessRecord).HasColumnName("DossierProcessRecord");
        });
        b.Navigation(p => p.Dossier).IsRequired();
        b.HasMany(p => p.Progress).WithOne().HasForeignKey(r => r.ProblemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.SignOffs).WithOne().HasForeignKey(s => s.ProblemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Reopenings).WithOne().HasForeignKey(r => r.ProblemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Inspection>().WithMany().HasForeignKey(p => p.InspectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        // The ledger and dashboards ask by unit and state, by inspection, and by deadline among open problems.
        b.HasIndex(p => new { p.InspectionId, p.Code }).IsUnique();
        // Covers the statistics too (state, overdue, reopened per unit), so they are counted from the index alone.
        b.HasIndex(p => new { p.UnitId, p.State, p.ReminderDue, p.ReopenCount });
        b.HasIndex(p => new { p.State, p.ReminderDue });
        b.HasIndex(p => p.Deadline);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.ToTable("ProgressReports");
        b.Property(r => r.Milestone).HasMaxLength(200);
        b.Property(r => r.Evidence).AsJson();
        b.HasIndex(r => new { r.ProblemId, r.Number }).IsUnique();
    }
}

internal sealed class SignOffConfiguration : IEntityTypeConfiguration<SignOff>
{
    public void Configure(EntityTypeBuilder<SignOff> b)
    {
        b.ToTable("SignOffs");
        b.Property(s => s.Comment).HasMaxLength(4000);
        // A party signs a review round once: the database keeps that even if two requests race.
        b.HasIndex(s => new { s.ProblemId, s.ReviewRound, s.Party }).IsUnique();
    }
}

internal sealed class ReopeningConfiguration : IEntityTypeConfiguration<Reopening>
{
    public void Configure(EntityTypeBuilder<Reopening> b)
    {
        b.ToTable("Reopenings");
        b.Property(r => r.Reason).HasMaxLength(4000);
        b.HasIndex(r => r.ProblemId);
        b.HasIndex(r => r.LookBackInspectionId);
    }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("Plans");
        b.Property(p => p.State).HasMaxLength(40);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Inspection>().WithMany().HasForeignKey(p => p.InspectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.InspectionId).IsUnique();
        b.HasIndex(p => new { p.UnitId, p.State });
    }
}

internal sealed class LedgerLineConfiguration : IEntityTypeConfiguration<LedgerLine>
{
    public void Configure(EntityTypeBuilder<LedgerLine> b)
    {
        b.ToTable("LedgerLines");
        b.Property(l => l.ProblemCode).HasMaxLength(40);
        b.Property(l => l.ResponsibleLeader).HasMaxLength(100);
        b.Property(l => l.ResponsibleDepartment).HasMaxLength(200);
        b.HasIndex(l => new { l.PlanId, l.ProblemId }).IsUnique();
        b.HasIndex(l => l.ProblemId);
    }
}

internal sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> b)
    {
        b.ToTable("PlanRevisions");
        b.Property(r => r.Comment).HasMaxLength(4000);
        b.Property(r => r.Lines).AsJson();
        b.Property(r => r.LineComments).AsJson();
        b.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
    }
}

internal sealed class ClueConfiguration : IEntityTypeConfiguration<Clue>
{
    public void Configure(EntityTypeBuilder<Clue> b)
    {
        b.ToTable("Clues");
        b.Property(c => c.Code).HasMaxLength(40);
        b.Property(c => c.State).HasMaxLength(40);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.ProblemIds).AsJson();
        b.OwnsOne(c => c.Outcome, o =>
        {
            o.Property(x => x.Summary).HasColumnName("OutcomeSummary");
            o.Property(x => x.CasesFiled).HasColumnName("OutcomeCasesFiled");
            o.Property(x => x.PeopleDisciplined).HasColumnName("OutcomePeopleDisciplined");
            o.Property(x => x.TransferredToJudicial).HasColumnName("OutcomeTransferredToJudicial");
            o.Property(x => x.MoneyRecovered).HasColumnName("OutcomeMoneyRecovered");
        });
        b.HasOne<Inspection>().WithMany().HasForeignKey(c => c.InspectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.InspectionId);
        b.HasIndex(c => new { c.UnitId, c.State });
        b.HasIndex(c => new { c.State, c.DueDate });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.UserName).HasMaxLength(100);
        b.Property(a => a.Role).HasMaxLength(40);
        b.Property(a => a.Command).HasMaxLength(100);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.Trigger).HasMaxLength(60);
        b.Property(a => a.FromState).HasMaxLength(40);
        b.Property(a => a.ToState).HasMaxLength(40);
        b.HasIndex(a => a.EntityId);
        b.HasIndex(a => a.At);
        // The hash chain: one entry per place, no fork (a second writer that read the same head fails here).
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => a.Sequence).IsUnique();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.Event).HasMaxLength(60);
        b.Property(m => m.Template).HasMaxLength(100);
        b.Property(m => m.CaseType).HasMaxLength(40);
        b.Property(m => m.RecipientEmail).HasMaxLength(320);
        b.Property(m => m.RecipientRole).HasMaxLength(40);
        b.Property(m => m.Language).HasMaxLength(10);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        b.Property(m => m.MessageId).HasMaxLength(250);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.Status, m.CreatedAt });
        // The dispatcher asks for pending rows whose back-off has passed.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.CaseId);
    }
}

internal sealed class PublishedLifecycleConfiguration : IEntityTypeConfiguration<PublishedLifecycle>
{
    public void Configure(EntityTypeBuilder<PublishedLifecycle> b)
    {
        b.ToTable("PublishedLifecycles");
        b.HasKey(p => new { p.Name, p.Version });
        b.Property(p => p.Name).HasMaxLength(40);
        b.Property(p => p.ContentHash).HasMaxLength(64);
    }
}
