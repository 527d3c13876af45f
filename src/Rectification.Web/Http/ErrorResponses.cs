using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Rectification.Application.Localization;

namespace Rectification.Web.Http;

/// <summary>
/// How errors are answered: the API, its description and the job dashboard with a ProblemDetails (a stable code, a trace id, no
/// exception text); the web application's pages with the error page in the user's language.
/// </summary>
public static class ErrorResponses
{
    private static readonly string[] MachinePrefixes = ["/api", "/openapi", "/scalar", "/hangfire", "/health"];

    /// <summary>The API's paths, and any request that does not ask for HTML (a script, curl): only a browser reads an error page.</summary>
    public static bool IsForMachines(HttpContext context) =>
        MachinePrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        || !context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        app.UseWhen(IsForMachines, machines =>
        {
            machines.UseExceptionHandler(error => error.Run(WriteProblemAsync));
            machines.UseStatusCodePages();
        });
        app.UseWhen(context => !IsForMachines(context), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    // Bugs become a 500 with a trace id and nothing of the exception: its details are in the log.
    private static async Task WriteProblemAsync(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        var status = feature?.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        context.Response.StatusCode = status;
        var culture = CultureInfo.CurrentUICulture;
        await Results.Problem(
            status == 500 ? Messages.Format("server.error", new Dictionary<string, object?>(), culture) : feature?.Error.Message,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier, ["code"] = status == 500 ? "server.error" : "request.malformed" })
            .ExecuteAsync(context);
    }
}
