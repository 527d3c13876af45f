using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http;
using Rectification.Infrastructure.Persistence;
using Rectification.Web.Security;

namespace Rectification.Integration.Tests;

/// <summary>
/// Test-only sign-in: the caller names a seeded user in the <c>X-Demo-User</c> header, so the suites can act as any of
/// hundreds of users without passwords. The product does not know this scheme; only <see cref="TestHost"/> registers it,
/// and only for requests that carry the header (everything else goes through the product's own schemes).
/// </summary>
public sealed class DemoHeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, RectificationDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DemoHeader";
    public const string Header = "X-Demo-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var names) || string.IsNullOrWhiteSpace(names.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var name = names.ToString();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name);
        if (user is null)
        {
            return AuthenticateResult.Fail("Unknown user.");
        }

        var unitPath = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Path).FirstAsync();
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ClaimTypes.Role, user.Role.ToString()),
            new Claim(HttpCurrentUser.UnitIdClaim, user.UnitId.ToString()),
            new Claim(HttpCurrentUser.UnitPathClaim, unitPath),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
