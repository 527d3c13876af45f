using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Infrastructure.Persistence.Configurations;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("EvidenceFiles");
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(120);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StoredName).HasMaxLength(80);
        b.HasIndex(f => f.StoredName).IsUnique();
        b.HasOne<Problem>().WithMany().HasForeignKey(f => f.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        // A problem's files are listed together and counted for the status report.
        b.HasIndex(f => new { f.ProblemId, f.UploadedAt });
    }
}
