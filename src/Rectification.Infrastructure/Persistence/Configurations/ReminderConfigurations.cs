using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;

namespace Rectification.Infrastructure.Persistence.Configurations;

internal sealed class ReminderStepRecordConfiguration : IEntityTypeConfiguration<ReminderStepRecord>
{
    public void Configure(EntityTypeBuilder<ReminderStepRecord> b)
    {
        b.ToTable("ReminderSteps");
        b.Property(r => r.Lifecycle).HasMaxLength(40);
        b.Property(r => r.Step).HasMaxLength(60);
        // At most once per (case, step, due date): the database, not the scheduler, guarantees it.
        b.HasIndex(r => new { r.CaseId, r.Step, r.DueDate }).IsUnique();
        b.HasIndex(r => r.TakenAt);
    }
}

internal sealed class SupervisionTaskConfiguration : IEntityTypeConfiguration<SupervisionTask>
{
    public void Configure(EntityTypeBuilder<SupervisionTask> b)
    {
        b.ToTable("SupervisionTasks");
        b.Property(t => t.Lifecycle).HasMaxLength(40);
        b.Property(t => t.Record).HasMaxLength(4000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.UnitId, t.Status });
        b.HasIndex(t => t.CaseId);
    }
}

internal sealed class DeadlineExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> b)
    {
        b.ToTable("DeadlineExtensions");
        b.Property(e => e.Lifecycle).HasMaxLength(40);
        b.Property(e => e.Reason).HasMaxLength(4000);
        b.Property(e => e.DecisionComment).HasMaxLength(4000);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => e.CaseId);
        b.HasIndex(e => new { e.UnitId, e.Status });
    }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> b)
    {
        b.ToTable("Delegations");
        b.Property(d => d.Reason).HasMaxLength(1000);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => new { d.UserId, d.From, d.To });
        b.HasOne<UserAccount>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(d => d.DeputyUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EffectEvaluationConfiguration : IEntityTypeConfiguration<Domain.Evaluations.EffectEvaluation>
{
    public void Configure(EntityTypeBuilder<Domain.Evaluations.EffectEvaluation> b)
    {
        b.ToTable("EffectEvaluations");
        b.Property(e => e.Scores).AsJson();
        b.Property(e => e.Grade).HasMaxLength(40);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => e.InspectionId).IsUnique();
        b.HasIndex(e => e.UnitId);
    }
}
