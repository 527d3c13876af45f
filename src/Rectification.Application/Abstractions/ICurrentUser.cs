using Rectification.Domain.Organization;

namespace Rectification.Application.Abstractions;

/// <summary>The person (or the system) acting in this scope. Scope is the unit path: the user's unit and everything below it.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string UserName { get; }
    Role Role { get; }
    Guid UnitId { get; }
    string UnitPath { get; }
    string Language { get; }
}

public sealed record ActingUser(Guid? UserId, string UserName, Role Role, Guid UnitId, string UnitPath, string Language = "zh-CN") : ICurrentUser
{
    public static ActingUser System(Domain.Organization.Unit root) => new(null, "system", Role.System, root.Id, root.Path, "en");
}
