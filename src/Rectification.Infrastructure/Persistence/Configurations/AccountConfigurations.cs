using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rectification.Domain.Organization;
using Rectification.Infrastructure.Identity;

namespace Rectification.Infrastructure.Persistence.Configurations;

// The same shape as ASP.NET Core Identity's own IdentityUserContext, written out because this context cannot derive from it
// (its Users set would clash with the domain's), under table names that say what they hold.
internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("Accounts");
        b.HasKey(a => a.Id);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.NormalizedUserName).HasMaxLength(256);
        b.Property(a => a.Email).HasMaxLength(256);
        b.Property(a => a.NormalizedEmail).HasMaxLength(256);
        b.Property(a => a.PasswordHash).HasMaxLength(1000);
        b.Property(a => a.SecurityStamp).HasMaxLength(100);
        b.Property(a => a.ConcurrencyStamp).HasMaxLength(100).IsConcurrencyToken();
        b.Property(a => a.PhoneNumber).HasMaxLength(50);
        b.HasIndex(a => a.NormalizedUserName).IsUnique();
        b.HasIndex(a => a.NormalizedEmail);
        // One account per domain user, and none without one.
        b.HasOne<UserAccount>().WithOne().HasForeignKey<Account>(a => a.Id).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
    }
}

internal sealed class AccountClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> b)
    {
        b.ToTable("AccountClaims");
        b.HasKey(c => c.Id);
        b.Property(c => c.ClaimType).HasMaxLength(256);
        b.Property(c => c.ClaimValue).HasMaxLength(1000);
    }
}

internal sealed class AccountLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> b)
    {
        b.ToTable("AccountLogins");
        b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        b.Property(l => l.LoginProvider).HasMaxLength(128);
        b.Property(l => l.ProviderKey).HasMaxLength(128);
        b.Property(l => l.ProviderDisplayName).HasMaxLength(200);
    }
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> b)
    {
        b.ToTable("AccountTokens");
        b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        b.Property(t => t.LoginProvider).HasMaxLength(128);
        b.Property(t => t.Name).HasMaxLength(128);
        b.Property(t => t.Value).HasMaxLength(2000);
    }
}
