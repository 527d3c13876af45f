using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rectification.Web.Pages;

/// <summary>
/// Errors of the pages as a page in the user's language (404, 403, 500 with the trace id to give the administrator), never the
/// API's JSON; the host re-executes here for every page request that ends in an error status or an exception.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string TraceId { get; private set; } = "";

    public void OnGet(int? status) => Show(status);

    public void OnPost(int? status) => Show(status);

    private void Show(int? status)
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Status = failed ? StatusCodes.Status500InternalServerError : status is >= 400 and < 600 ? status.Value : StatusCodes.Status404NotFound;
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
    }

    public string Message => Status switch
    {
        404 => UiText.T("error-404"),
        403 => UiText.T("error-403"),
        400 => UiText.T("error-400"),
        429 => UiText.T("error-429"),
        >= 500 => UiText.T("error-500"),
        _ => UiText.T("error-other"),
    };
}
