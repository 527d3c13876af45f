namespace Rectification.Application.Abstractions;

/// <summary>
/// Where an account stands for signing in, now. <paramref name="SecurityStamp"/> changes with the password and on disabling, which
/// ends every session and token issued before; <paramref name="LockedOutUntil"/> is a lockout after failed sign-ins, never a disabling.
/// </summary>
public sealed record AccountState(Guid Id, string? SecurityStamp, bool Disabled, DateTimeOffset? LockedOutUntil)
{
    public bool LockedOut => LockedOutUntil is not null;
}
