using Microsoft.AspNetCore.Identity;

namespace Rectification.Infrastructure.Identity;

/// <summary>
/// The sign-in credentials of one domain user (<see cref="Domain.Organization.UserAccount"/>): same id, same user name. The domain
/// user says who someone is (role, unit); the account only says how they prove it (password hash, lockout, external logins).
/// </summary>
public sealed class Account : IdentityUser<Guid>;
