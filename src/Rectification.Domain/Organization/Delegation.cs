using Rectification.Domain.Common;

namespace Rectification.Domain.Organization;

/// <summary>A deputy named for a period of absence: reminders and tasks meant for the user go to the deputy meanwhile.</summary>
public sealed class Delegation : IVersioned
{
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid DeputyUserId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public bool Revoked { get; private set; }
    public long Version { get; set; }

    private Delegation() { }

    public static Delegation Name(Guid userId, Guid deputyUserId, DateOnly from, DateOnly to, string reason, DateTime utcNow) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        DeputyUserId = deputyUserId,
        From = from,
        To = to,
        Reason = reason,
        CreatedAt = utcNow,
    };

    public bool IsActiveOn(DateOnly day) => !Revoked && From <= day && day <= To;

    public void Revoke() => Revoked = true;
}
