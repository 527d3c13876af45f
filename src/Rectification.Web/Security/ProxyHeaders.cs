using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Rectification.Web.Security;

/// <summary>
/// Behind a reverse proxy the connection comes from the proxy: its <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> give the
/// client's address (for the rate limits and the sign-in audit) and the scheme (so the auth cookie is <c>Secure</c> when the
/// browser spoke HTTPS). Only proxies that are trusted are believed, else any client could pick its address and dodge the limits.
/// </summary>
/// <remarks>
/// Configuration: <c>ForwardedHeaders:Enabled</c> (default true), <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. <c>10.0.0.0/8</c>) trusted besides loopback, which is trusted by default
/// (a proxy on the same machine); one proxy hop is read.
/// </remarks>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        var parsedProxies = proxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies holds \"{p}\", which is not an IP address.")).ToList();
        var parsedNetworks = networks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks holds \"{n}\", which is not a network in CIDR notation (e.g. 10.0.0.0/8).")).ToList();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults (loopback) stay: the configured ones are added to them.
            foreach (var proxy in parsedProxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in parsedNetworks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", true))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
