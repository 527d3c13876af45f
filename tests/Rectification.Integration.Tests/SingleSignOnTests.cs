using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Rectification.Application.Administration.Accounts;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Persistence;
using Rectification.Web.Security;

namespace Rectification.Integration.Tests;

/// <summary>
/// The OpenID Connect option end to end through the real host: the sign-in page sends the browser to the provider, the provider
/// posts back a code, the host redeems it (a stand-in provider answers the back channel with a signed id_token) and signs in the
/// domain user with that e-mail; an identity without a domain user is refused back to the form. Both are audited.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class SingleSignOnTests(DatabaseProvider provider)
{
    private const string Issuer = "https://sso.test";
    private const string ClientId = "rectification";

    private TestDatabase? database;
    private TestHost host = null!;
    private readonly FakeProvider sso = new();

    [OneTimeSetUp]
    public async Task Start()
    {
        database = await TestDatabase.CreateAsync(provider);
        host = new TestHost(database.Options, new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = Issuer,
            ["Authentication:Oidc:ClientId"] = ClientId,
            ["Authentication:Oidc:ClientSecret"] = "client-secret",
        }, services => services.PostConfigure<OpenIdConnectOptions>(SecurityRegistration.OidcScheme, o =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer, AuthorizationEndpoint = Issuer + "/authorize", TokenEndpoint = Issuer + "/token" };
            configuration.SigningKeys.Add(sso.Key);
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            o.Backchannel = new HttpClient(sso);
            // Nonce and correlation cookies are judged by the machine's clock on both sides, as a real provider would.
            o.TimeProvider = TimeProvider.System;
        }));
        await using var scope = host.Services.CreateAsyncScope();
        await Organization.SeedAsync(scope.ServiceProvider.GetRequiredService<RectificationDbContext>());
    }

    /// <summary>NUnit runs this even when <see cref="Start"/> ignored the fixture (no PostgreSQL configured) or threw.</summary>
    [OneTimeTearDown]
    public async Task Stop()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<(HttpClient Browser, HttpResponseMessage Callback)> SignInAs(string email)
    {
        // https: the correlation and nonce cookies are Secure (SameSite=None), as they must be for the provider's cross-site post.
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var page = await browser.GetStringAsync("/account/sign-in");
        Assert.That(page, Does.Contain("handler=sso"), "the sign-in page offers single sign-on");

        var start = await browser.GetAsync("/account/sign-in?handler=sso&returnUrl=%2F");
        Assert.That(start.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(start.Headers.Location!.GetLeftPart(UriPartial.Path), Is.EqualTo(Issuer + "/authorize"));
        var query = QueryHelpers.ParseQuery(start.Headers.Location.Query);
        sso.Next = (email, query["nonce"].ToString());

        var callback = await browser.PostAsync("/account/oidc-callback", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "code-" + Guid.NewGuid().ToString("N"),
            ["state"] = query["state"].ToString(),
        }));
        return (browser, callback);
    }

    [Test]
    public async Task ExternalIdentity_WithTheEmailOfADomainUser_SignsInAsThatUser()
    {
        var (browser, callback) = await SignInAs("b1-liaison@test.local");
        var me = await browser.GetFromJsonAsync<JsonObject>("/api/me");
        var audited = await host.Query(db => db.AuditEntries.Where(a => a.Command == RecordSignIn.Command && a.UserName == "b1-liaison").ToListAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(callback.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(callback.Headers.Location?.OriginalString, Is.EqualTo("/"));
            Assert.That((string?)me!["userName"], Is.EqualTo("b1-liaison"));
            Assert.That((string?)me["role"], Is.EqualTo("UnitLiaison"));
            Assert.That(audited.Select(a => (a.Trigger, a.Payload.Contains("\"channel\":\"oidc\"", StringComparison.Ordinal))), Is.EqualTo(new[] { ("Succeeded", true) }));
        }
    }

    [Test]
    public async Task ExternalIdentity_WithoutADomainUser_IsSentBackToTheFormAndAudited()
    {
        var (browser, callback) = await SignInAs("stranger@elsewhere.test");
        var me = await browser.GetAsync("/api/me");
        var audited = await host.Query(db => db.AuditEntries.Where(a => a.Command == RecordSignIn.Command && a.UserName == "stranger@elsewhere.test").Select(a => a.Trigger).ToListAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(callback.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(callback.Headers.Location?.OriginalString, Is.EqualTo("/account/sign-in?error=sso"));
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(audited, Is.EqualTo(new[] { "UnknownExternalUser" }));
        }
    }

    /// <summary>The provider's back channel: redeems any code for an id_token about the identity the test chose, signed with its key.</summary>
    private sealed class FakeProvider : HttpMessageHandler
    {
        public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "sso-test" };

        public (string Email, string Nonce) Next { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath != "/token")
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound);
            }

            var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
            Assert.That(form["grant_type"].ToString(), Is.EqualTo("authorization_code"));
            Assert.That(form["code_verifier"].ToString(), Is.Not.Empty, "PKCE");
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = "external-" + Next.Email,
                    ["email"] = Next.Email,
                    ["nonce"] = Next.Nonce,
                },
                SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
            });
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = JsonContent.Create(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = idToken }),
            };
        }
    }
}
