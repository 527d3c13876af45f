namespace Rectification.Infrastructure.Identity;

/// <summary>
/// Disabling an account is Identity's own lockout with an end that never comes (its documented way to disable a user), so the
/// Accounts table needs no new column and every path that already honours lockout refuses a disabled account. The end is
/// stored as the first day of year 9999 rather than <see cref="DateTimeOffset.MaxValue"/>, which PostgreSQL's microsecond
/// precision would not give back exactly; anything from that day on reads as disabled, an ordinary lockout never gets near it.
/// </summary>
public static class AccountStatus
{
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end >= DisabledUntil;

    public static bool IsDisabled(Account account) => IsDisabled(account.LockoutEnd);

    /// <summary>Locked out for a while after failed sign-ins (not disabled, which has its own flag).</summary>
    public static bool IsLockedOut(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is { } end && end > now && !IsDisabled(lockoutEnd);
}
