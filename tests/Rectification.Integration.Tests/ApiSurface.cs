using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Domain.Organization;
using Rectification.Infrastructure.Persistence;
using DomainUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Integration.Tests;

/// <summary>One API endpoint as the running host maps it: the key the matrix and the fuzz suite look it up by.</summary>
public sealed record ApiEndpoint(string Method, string Pattern, Type? BodyType, bool BodyOptional)
{
    public string Key => $"{Method} {Pattern}";

    public bool HasBody => BodyType is not null;

    public override string ToString() => Key;
}

/// <summary>The API surface read from the host itself, and users of every role in chosen units, for the suites that sweep it.</summary>
public static class ApiSurface
{
    public static readonly IReadOnlyList<Role> Roles =
        [Role.UnitLiaison, Role.UnitLeader, Role.InspectionOffice, Role.InspectionGroup, Role.DisciplineCommission, Role.OrganizationDepartment, Role.Leadership, Role.Administrator];

    private static readonly IReadOnlyDictionary<Role, string> Suffixes = new Dictionary<Role, string>
    {
        [Role.UnitLiaison] = "liaison",
        [Role.UnitLeader] = "leader",
        [Role.InspectionOffice] = "office",
        [Role.InspectionGroup] = "group",
        [Role.DisciplineCommission] = "discipline",
        [Role.OrganizationDepartment] = "organization",
        [Role.Leadership] = "leadership",
        [Role.Administrator] = "admin",
    };

    /// <summary>Every route endpoint under /api with each of its methods, from the host's own <see cref="EndpointDataSource"/>.</summary>
    public static IReadOnlyList<ApiEndpoint> Enumerate(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var endpoints = new List<ApiEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (!pattern.Equals("/api", StringComparison.OrdinalIgnoreCase) && !pattern.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST", "PUT", "DELETE", "PATCH"];
            endpoints.AddRange(methods.Select(method => new ApiEndpoint(method, pattern, accepts?.RequestType, accepts?.IsOptional ?? false)));
        }

        return endpoints.DistinctBy(e => e.Key).OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
    }

    public static string UserName(DomainUnit unit, Role role) => $"{unit.Code.ToLowerInvariant()}-{Suffixes[role]}";

    /// <summary>The user name's role part: "liaison", "leader", "office" …</summary>
    public static string Suffix(Role role) => Suffixes[role];

    /// <summary>
    /// Adds a user of every role to each unit that lacks one, named <c>&lt;unit code&gt;-&lt;role&gt;</c>. Done per fixture (each
    /// has its own database), so the shared test organization and the recipients other suites expect stay as they are.
    /// </summary>
    public static async Task AddRoleUsersAsync(TestHost host, params DomainUnit[] units)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RectificationDbContext>();
        var existing = await db.Users.Select(u => u.UserName).ToListAsync();
        foreach (var unit in units)
        {
            foreach (var role in Roles)
            {
                var name = UserName(unit, role);
                if (!existing.Contains(name))
                {
                    db.Users.Add(UserAccount.Create(Guid.CreateVersion7(), name, name, $"{name}@test.local", role, unit.Id, "zh-CN"));
                }
            }
        }

        await db.SaveChangesAsync();
    }

    public static async Task<Guid> UserIdAsync(TestHost host, string userName) =>
        await host.Query(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>A client per user, reused: the suites send thousands of requests.</summary>
    public sealed class Clients(TestHost host)
    {
        private readonly Dictionary<string, HttpClient> clients = [];
        private readonly Lock gate = new();

        public HttpClient For(string? userName)
        {
            lock (gate)
            {
                var key = userName ?? "";
                if (!clients.TryGetValue(key, out var client))
                {
                    client = userName is null ? host.CreateClient() : host.ClientFor(userName, "en");
                    if (userName is null)
                    {
                        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
                    }

                    clients[key] = client;
                }

                return client;
            }
        }
    }

    /// <summary>The parsed body when it is well-formed JSON without duplicate members, else null.</summary>
    public static JsonNode? TryParse(string text)
    {
        try
        {
            // A member written twice (e.g. "status") is malformed for strict clients and ambiguous for the rest.
            return JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
