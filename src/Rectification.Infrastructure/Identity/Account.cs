using Microsoft.AspNetCore.Identity;
using Rectification.Domain.Auditing;

namespace Rectification.Infrastructure.Identity;

/// <summary>
/// The sign-in credentials of one domain user (<see cref="Domain.Organization.UserAccount"/>): same id, same user name. The domain
/// user says who someone is (role, unit); the account only says how they prove it (password hash, lockout, external logins).
/// Audited like the domain's entities, less the hash and the stamps.
/// </summary>
[AuditedEntity(nameof(PasswordHash), nameof(SecurityStamp), nameof(ConcurrencyStamp))]
public sealed class Account : IdentityUser<Guid>;
