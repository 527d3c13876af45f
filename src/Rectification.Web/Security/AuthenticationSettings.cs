using System.Security.Cryptography;
using System.Text;

namespace Rectification.Web.Security;

/// <summary>
/// The authentication configuration: <c>Authentication:Jwt:SigningKey</c> (at least 32 bytes; <c>Issuer</c>, <c>Audience</c>,
/// <c>LifetimeMinutes</c>), <c>Authentication:Oidc:Authority</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>DisplayName</c>, and the
/// password and lockout rules under <c>Authentication:Password</c> and <c>Authentication:Lockout</c> (ASP.NET Core Identity's option names).
/// </summary>
public sealed record AuthenticationSettings(
    byte[] SigningKey, bool SigningKeyIsEphemeral, string Issuer, string Audience, TimeSpan TokenLifetime, OidcSettings? Oidc)
{
    public const int MinimumKeyBytes = 32;

    public static AuthenticationSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var jwt = configuration.GetSection("Authentication:Jwt");
        var key = jwt["SigningKey"];
        var oidc = OidcSettings.Read(configuration.GetSection("Authentication:Oidc"));
        if (environment.IsProduction())
        {
            if (string.IsNullOrWhiteSpace(key) && oidc is null)
            {
                throw new InvalidOperationException(
                    "No authentication scheme is configured for Production: set Authentication:Jwt:SigningKey (a secret of at least " +
                    $"{MinimumKeyBytes} bytes) for accounts and API tokens, and optionally Authentication:Oidc:Authority and ClientId for single sign-on.");
            }

            if (string.IsNullOrWhiteSpace(key))
            {
                throw new InvalidOperationException($"Authentication:Jwt:SigningKey is required in Production (it signs the API tokens); give a secret of at least {MinimumKeyBytes} bytes.");
            }
        }

        var keyBytes = string.IsNullOrWhiteSpace(key) ? null : Encoding.UTF8.GetBytes(key);
        if (keyBytes is { Length: < MinimumKeyBytes })
        {
            throw new InvalidOperationException($"Authentication:Jwt:SigningKey is {keyBytes.Length} bytes long; it must be at least {MinimumKeyBytes} bytes.");
        }

        var lifetime = jwt.GetValue("LifetimeMinutes", 60);
        if (lifetime is <= 0 or > 24 * 60)
        {
            throw new InvalidOperationException("Authentication:Jwt:LifetimeMinutes must be between 1 and 1440.");
        }

        // Outside Production a missing key is replaced by a random one: tokens then end with the process, which is what a
        // developer's machine wants, and nothing guessable ever signs a token.
        return new AuthenticationSettings(keyBytes ?? RandomNumberGenerator.GetBytes(MinimumKeyBytes), keyBytes is null,
            jwt["Issuer"] ?? "rectification", jwt["Audience"] ?? "rectification-api", TimeSpan.FromMinutes(lifetime), oidc);
    }
}

/// <summary>An organization's single sign-on. The external identity maps to a domain user by e-mail, else by user name.</summary>
public sealed record OidcSettings(string Authority, string ClientId, string? ClientSecret, string DisplayName, bool RequireHttpsMetadata)
{
    public static OidcSettings? Read(IConfigurationSection section)
    {
        var authority = section["Authority"];
        var clientId = section["ClientId"];
        if (string.IsNullOrWhiteSpace(authority) && string.IsNullOrWhiteSpace(clientId))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(authority) || string.IsNullOrWhiteSpace(clientId))
        {
            throw new InvalidOperationException("Authentication:Oidc needs both Authority and ClientId.");
        }

        return new OidcSettings(authority, clientId, section["ClientSecret"], section["DisplayName"] ?? "统一身份认证 / Single sign-on",
            section.GetValue("RequireHttpsMetadata", true));
    }
}
