using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Domain.Receipts;
using Unit = Rectification.Domain.Organization.Unit;

namespace Rectification.Infrastructure.Persistence.Configurations;

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> b)
    {
        b.ToTable("Receipts");
        b.Property(r => r.CaseType).HasMaxLength(40);
        b.Property(r => r.Step).HasMaxLength(60);
        b.Property(r => r.State).HasMaxLength(40);
        b.Property(r => r.AcknowledgedByName).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        // The sweep selects pending receipts of a kind by due date; lists ask by unit and state, or by the item received.
        b.HasIndex(r => new { r.State, r.Kind, r.DueDate });
        b.HasIndex(r => new { r.UnitId, r.State });
        b.HasIndex(r => r.CaseId);
    }
}

internal sealed class LedgerLineChangeConfiguration : IEntityTypeConfiguration<LedgerLineChange>
{
    public void Configure(EntityTypeBuilder<LedgerLineChange> b)
    {
        b.ToTable("LedgerLineChanges");
        b.Property(c => c.Before).AsJsonValue();
        b.Property(c => c.After).AsJsonValue();
        b.Property(c => c.ChangedFields).AsJson();
        b.Property(c => c.Reason).HasMaxLength(4000);
        b.Property(c => c.DecisionComment).HasMaxLength(4000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Problem>().WithMany().HasForeignKey(c => c.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PlanId, c.ProblemId, c.Status });
        b.HasIndex(c => new { c.UnitId, c.Status });
    }
}

internal sealed class CommonProblemPushConfiguration : IEntityTypeConfiguration<CommonProblemPush>
{
    public void Configure(EntityTypeBuilder<CommonProblemPush> b)
    {
        b.ToTable("CommonProblemPushes");
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Category).HasMaxLength(100);
        b.Property(p => p.Note).HasMaxLength(4000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Problem>().WithMany().HasForeignKey(p => p.ProblemId).OnDelete(DeleteBehavior.Restrict);
        // A problem is pushed once; the database keeps that even if two pushes race.
        b.HasIndex(p => p.ProblemId).IsUnique();
        b.HasIndex(p => p.UnitId);
    }
}

internal sealed class SelfCheckTaskConfiguration : IEntityTypeConfiguration<SelfCheckTask>
{
    public void Configure(EntityTypeBuilder<SelfCheckTask> b)
    {
        b.ToTable("SelfCheckTasks");
        b.Property(t => t.State).HasMaxLength(40);
        b.Property(t => t.AnsweredByName).HasMaxLength(100);
        b.Property(t => t.Statement).HasMaxLength(4000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<CommonProblemPush>().WithMany().HasForeignKey(t => t.PushId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.PushId, t.UnitId }).IsUnique();
        b.HasIndex(t => new { t.State, t.DueDate });
        b.HasIndex(t => new { t.UnitId, t.State });
    }
}
