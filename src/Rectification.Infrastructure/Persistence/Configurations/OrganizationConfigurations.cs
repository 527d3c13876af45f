using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;

namespace Rectification.Infrastructure.Persistence.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("Units");
        b.Property(u => u.Code).HasMaxLength(32);
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.Path).HasMaxLength(450);
        b.HasIndex(u => u.Path).IsUnique();
        b.HasIndex(u => u.ParentId);
        b.Ignore(u => u.Active);
    }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> b)
    {
        b.ToTable("Users");
        b.Property(u => u.UserName).HasMaxLength(100);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Email).HasMaxLength(320);
        b.Property(u => u.PreferredLanguage).HasMaxLength(10);
        b.HasIndex(u => u.UserName).IsUnique();
        b.HasIndex(u => new { u.UnitId, u.Role });
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> b)
    {
        b.ToTable("Rounds");
        b.Property(r => r.Name).HasMaxLength(200);
        b.HasIndex(r => new { r.Year, r.Number }).IsUnique();
    }
}

internal sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<Domain.Reporting.ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<Domain.Reporting.ReportSnapshot> b)
    {
        b.ToTable("ReportSnapshots");
        b.Property(r => r.Title).HasMaxLength(Domain.Reporting.ReportSnapshot.MaxTitleLength);
        b.Property(r => r.RecordedByName).HasMaxLength(200);
        b.Property(r => r.Seal).HasMaxLength(64);
        b.HasIndex(r => new { r.UnitId, r.AsOf });
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("Inspections");
        b.Property(i => i.GroupName).HasMaxLength(200);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => i.UnitId);
        b.HasIndex(i => i.RoundId);
        b.HasOne<Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Round>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}
