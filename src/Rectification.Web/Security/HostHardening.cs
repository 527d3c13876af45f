using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Rectification.Application.Localization;

namespace Rectification.Web.Security;

/// <summary>
/// What the host does for every request regardless of the endpoint: security headers on every response (and
/// <c>Cache-Control: no-store</c> on the API's and on every signed-in user's), a request body
/// size limit, no NUL character in queries or JSON strings, rate limiting per user (or per address before sign-in) on the API,
/// and a ProblemDetails with a stable <c>code</c> for every error the framework answers by itself (401, 403, 404, 405, 413, 415, 429 …).
/// </summary>
/// <remarks>
/// Configuration: <c>Limits:MaxRequestBytes</c> (default 1 MB; an endpoint with <see cref="IRequestSizeLimitMetadata"/> sets its own), <c>RateLimiting:Enabled</c> (default true),
/// <c>RateLimiting:PermitsPerMinute</c> per signed-in user (default 600), <c>RateLimiting:AnonymousPermitsPerMinute</c> per
/// client address (default 120), <c>RateLimiting:SignInPermitsPerMinute</c> per client address on the sign-in endpoints and
/// the sign-in form (default 10), stricter than the API because each attempt there is a password guess.
/// </remarks>
public static class HostHardening
{
    public const string ApiPrefix = "/api";

    public static IServiceCollection AddHostHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var options = HardeningOptions.Read(configuration);
        services.AddSingleton(options);
        services.AddCrossSiteRequestProtection(configuration);

        // Outermost, so that even a response written by the exception handler or before sign-in carries the headers.
        services.AddSingleton<IStartupFilter, SecurityHeadersStartupFilter>();

        services.Configure<ProblemDetailsOptions>(o =>
        {
            var previous = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                var extensions = context.ProblemDetails.Extensions;
                if (!extensions.ContainsKey("code"))
                {
                    // An error the framework answered itself (no route, wrong verb, no sign-in …): give it our code and our words.
                    var code = CodeFor(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
                    extensions["code"] = code;
                    if (Messages.Catalog.TryGetValue(code, out var texts) && !texts.ZhCn.Contains('{', StringComparison.Ordinal))
                    {
                        context.ProblemDetails.Detail ??= Messages.Format(code, new Dictionary<string, object?>(), CultureInfo.CurrentUICulture);
                    }
                }
            };
        });

        if (options.RateLimitingEnabled)
        {
            services.AddRateLimiter(o =>
            {
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
                o.OnRejected = (rejected, _) => new ValueTask(RateLimited(rejected.HttpContext, rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null));
            });
        }

        return services;
    }

    /// <summary>Call after authentication (the rate limit partitions by the signed-in user) and before the endpoints.</summary>
    public static WebApplication UseHostHardening(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<HardeningOptions>();
        if (options.RateLimitingEnabled)
        {
            app.UseRateLimiter();
        }

        app.Use((context, next) => LimitRequestBody(context, next, options.MaxRequestBytes));
        app.UseCrossSiteRequestProtection();

        return app;
    }

    /// <summary>Where passwords are tried: the two API sign-in endpoints and the sign-in form.</summary>
    public static readonly string[] SignInPaths = ["/api/account/token", "/api/account/sign-in", "/account/sign-in"];

    /// <summary>Where a password is exchanged for the cookie.</summary>
    public static readonly string[] CookieSignInPaths = ["/api/account/sign-in", "/account/sign-in"];

    private static RateLimitPartition<string> Partition(HttpContext context, HardeningOptions options)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (HttpMethods.IsPost(context.Request.Method) && SignInPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.SignInPermitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }

        if (!context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter("not-api");
        }

        var user = context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
        var key = user is not null ? "user:" + user : "address:" + address;
        var permits = user is not null ? options.PermitsPerMinute : options.AnonymousPermitsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async Task LimitRequestBody(HttpContext context, RequestDelegate next, long hostLimit)
    {
        // An endpoint that takes files (evidence uploads) states its own limit; every other request keeps the host's.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? hostLimit;
        var request = context.Request;
        if (request.ContentLength is { } length && length > limit)
        {
            await TooLarge(context, limit);
            return;
        }

        // No text of this application holds U+0000, and PostgreSQL cannot store it: a NUL in a query or a JSON string is refused
        // here, once for every endpoint, instead of failing in the database.
        if (request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true || request.Path.Value?.Contains('\0') == true)
        {
            await NulRefused(context);
            return;
        }

        if (request.HasJsonContentType() && request.ContentLength is null or > 0)
        {
            // JSON bodies are small: read each one whole, within the limit, and look for an escaped NUL in its strings.
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await TooLarge(context, limit);
                    return;
                }

                buffer.Write(chunk, 0, read);
            }

            if (HasEscapedNul(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
            {
                await NulRefused(context);
                return;
            }

            buffer.Position = 0;
            request.Body = buffer;
            context.Response.RegisterForDispose(buffer);
        }
        else
        {
            // Kestrel enforces the limit itself; a server that cannot (or a body without Content-Length) is counted as it is read.
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = limit;
            }
            else if (request.ContentLength is null && request.Body != Stream.Null)
            {
                request.Body = new LimitedReadStream(request.Body, limit);
            }
        }

        await next(context);
    }

    /// <summary>True when a JSON text holds the escape \u0000 (a backslash that is itself escaped does not start one).</summary>
    public static bool HasEscapedNul(ReadOnlySpan<byte> json)
    {
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != (byte)'\\' || i + 1 >= json.Length)
            {
                continue;
            }

            if (json[i + 1] == (byte)'u' && i + 5 < json.Length && json.Slice(i + 2, 4).SequenceEqual("0000"u8))
            {
                return true;
            }

            i++; // the escaped character, e.g. the second backslash of \\u0000
        }

        return false;
    }

    /// <summary>429 with Retry-After, for the host's limiter and for the limit per account name (<see cref="SignInThrottle"/>).</summary>
    internal static Task RateLimited(HttpContext context, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = SignInThrottle.RetryAfterSeconds(wait);
        }

        return WriteProblem(context, StatusCodes.Status429TooManyRequests, "request.rate-limited", ("请求过于频繁", "Too many requests"));
    }

    private static Task TooLarge(HttpContext context, long limit) =>
        WriteProblem(context, StatusCodes.Status413PayloadTooLarge, "request.too-large",
            ("请求内容过大", "Request too large"),
            (string.Create(CultureInfo.InvariantCulture, $"请求内容不得超过 {limit} 字节。"), string.Create(CultureInfo.InvariantCulture, $"A request body may not exceed {limit} bytes.")));

    private static Task NulRefused(HttpContext context) =>
        WriteProblem(context, StatusCodes.Status400BadRequest, "request.invalid-character", ("输入有误", "Invalid input"));

    /// <summary>With the catalog's text for <paramref name="code"/> as the detail, unless one more specific is given.</summary>
    internal static async Task WriteProblem(HttpContext context, int status, string code, (string Zh, string En) title, (string Zh, string En)? detail = null)
    {
        var english = Messages.IsEnglish(CultureInfo.CurrentUICulture);
        detail ??= Messages.Catalog[code];
        context.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = english ? title.En : title.Zh,
            Detail = english ? detail.Value.En : detail.Value.Zh,
            Extensions = { ["code"] = code },
        };
        var writer = context.RequestServices.GetService<IProblemDetailsService>();
        if (writer is null || !await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken: context.RequestAborted);
        }
    }

    /// <summary>The stable code of an error the framework answers without a handler (no route, no sign-in, wrong verb …).</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "request.malformed",
        StatusCodes.Status401Unauthorized => "authentication.required",
        StatusCodes.Status403Forbidden => "authorization.forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "request.method-not-allowed",
        StatusCodes.Status413PayloadTooLarge => "request.too-large",
        StatusCodes.Status414UriTooLong => "request.uri-too-long",
        StatusCodes.Status415UnsupportedMediaType => "request.unsupported-media-type",
        StatusCodes.Status429TooManyRequests => "request.rate-limited",
        >= 500 => "server.error",
        _ => string.Create(CultureInfo.InvariantCulture, $"http.{status}"),
    };

    internal sealed record HardeningOptions(long MaxRequestBytes, bool RateLimitingEnabled, int PermitsPerMinute, int AnonymousPermitsPerMinute, int SignInPermitsPerMinute)
    {
        public static HardeningOptions Read(IConfiguration configuration)
        {
            var options = new HardeningOptions(
                configuration.GetValue("Limits:MaxRequestBytes", 1L * 1024 * 1024),
                configuration.GetValue("RateLimiting:Enabled", true),
                configuration.GetValue("RateLimiting:PermitsPerMinute", 600),
                configuration.GetValue("RateLimiting:AnonymousPermitsPerMinute", 120),
                configuration.GetValue("RateLimiting:SignInPermitsPerMinute", 10));
            if (options.MaxRequestBytes <= 0 || options.PermitsPerMinute <= 0 || options.AnonymousPermitsPerMinute <= 0 || options.SignInPermitsPerMinute <= 0)
            {
                throw new InvalidOperationException("Limits:MaxRequestBytes and RateLimiting:*PermitsPerMinute must be positive.");
            }

            return options;
        }
    }

    /// <summary>Sets the headers when the response starts, so a response that was cleared and rewritten (an error) still has them.</summary>
    private sealed class SecurityHeadersStartupFilter : IStartupFilter
    {
        // The API serves JSON and one self-contained HTML page (the write-off record, inline styles only).
        private const string ApiPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

        // The API reference (Scalar) and the job dashboard (Hangfire) are pages with their own scripts and inline bootstrapping.
        private const string PagePolicy =
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

        // The web application's own pages: server-rendered, scripts and styles only from the host's own files (wwwroot/lib, no inline
        // code), partial updates (htmx) calling back to the host, forms posting to itself.
        private const string UiPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                // Decided now: a branch (the dashboard) moves the path into PathBase before the response starts.
                var path = context.Request.PathBase.Add(context.Request.Path);
                var api = path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase);
                var policy = IsPage(path) ? PagePolicy : api ? ApiPolicy : UiPolicy;
                var response = context.Response;
                response.OnStarting(() =>
                {
                    var headers = response.Headers;
                    // What the API answers, and any page a signed-in user sees, is someone's data: no browser or proxy may keep a
                    // copy (a shared computer's back button, a caching proxy). An endpoint that sets its own policy keeps it.
                    if ((api || context.User.Identity?.IsAuthenticated == true) && !headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                    {
                        headers.CacheControl = "no-store";
                    }

                    headers.XContentTypeOptions = "nosniff";
                    headers.XFrameOptions = "DENY";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers.ContentSecurityPolicy = policy;
                    return Task.CompletedTask;
                });
                return nextMiddleware(context);
            });
            next(app);
        };

        private static bool IsPage(PathString path) =>
            path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A request body that fails with 413 once more than the limit has been read.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int bytes)
        {
            read += bytes;
            if (read > limit)
            {
                throw new BadHttpRequestException(string.Create(CultureInfo.InvariantCulture, $"The request body exceeds {limit} bytes."), StatusCodes.Status413PayloadTooLarge);
            }

            return bytes;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
