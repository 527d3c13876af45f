using System.Globalization;
using System.Security.Claims;
using Rectification.Application.Abstractions;
using Rectification.Domain.Organization;

namespace Rectification.Web.Security;

/// <summary>The signed-in user, read from the claims the authentication scheme issued.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string UnitIdClaim = "rectification:unit";
    public const string UnitPathClaim = "rectification:unit-path";

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid? UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string UserName => Principal.Identity?.Name ?? "anonymous";

    // An unauthenticated caller never reaches a handler; Leadership is the least privileged role should one try.
    public Role Role => Enum.TryParse<Role>(Principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : Role.Leadership;
    public Guid UnitId => Guid.TryParse(Principal.FindFirstValue(UnitIdClaim), out var id) ? id : Guid.Empty;

    // An empty path would cover everything; a caller without a unit gets a path that covers nothing.
    public string UnitPath => Principal.FindFirstValue(UnitPathClaim) is { Length: > 1 } path ? path : "/\u0000/";
    public string Language => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";
}
