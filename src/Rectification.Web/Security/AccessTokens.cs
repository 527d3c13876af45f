using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Rectification.Domain.Organization;

namespace Rectification.Web.Security;

/// <summary>
/// Issues the API's bearer tokens (HS256 JWT). A token names only the user; role and unit are read from the database on every
/// request (<see cref="SecurityRegistration"/>), so a moved or removed user loses their old rights at once.
/// </summary>
public sealed class AccessTokens(AuthenticationSettings settings, TimeProvider clock)
{
    public sealed record Issued(string AccessToken, string TokenType, int ExpiresIn);

    public static SymmetricSecurityKey Key(AuthenticationSettings settings) => new(settings.SigningKey) { KeyId = "rectification" };

    public Issued Issue(UserAccount user, string? securityStamp)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.TokenLifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id.ToString(),
                [JwtRegisteredClaimNames.Name] = user.UserName,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [AccountPrincipals.StampClaim] = securityStamp ?? "",
            },
            SigningCredentials = new SigningCredentials(Key(settings), SecurityAlgorithms.HmacSha256),
        });
        return new Issued(token, "Bearer", (int)settings.TokenLifetime.TotalSeconds);
    }

    public static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;
}
