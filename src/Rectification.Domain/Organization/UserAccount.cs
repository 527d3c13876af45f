namespace Rectification.Domain.Organization;

/// <summary>A person who acts in the system, with one role in one unit.</summary>
public sealed class UserAccount
{
    public Guid Id { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public Role Role { get; private set; }
    public Guid UnitId { get; private set; }
    public string PreferredLanguage { get; private set; } = "zh-CN";

    private UserAccount() { }

    public static UserAccount Create(Guid id, string userName, string displayName, string email, Role role, Guid unitId, string language = "zh-CN") => new()
    {
        Id = id,
        UserName = userName,
        DisplayName = displayName,
        Email = email,
        Role = role,
        UnitId = unitId,
        PreferredLanguage = language,
    };
}
