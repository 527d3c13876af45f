using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Rectification.Application.Workplace;
using Rectification.Domain.Workplace;

namespace Rectification.Web.Pages.Shared;

/// <summary>Where the pages of items live, so every list, mail and button links to the same page of an item.</summary>
public static class PageLinks
{
    public static string Problem(Guid id) => $"/problems/{id}";

    public static string Plan(Guid id) => $"/plans/{id}";

    public static string Inspection(Guid id) => $"/inspections/{id}";

    public static string Clues => "/clues";

    public static string Clue(Guid id) => $"/clues/{id}";

    public static string ClueReport(string? month) => month is null ? "/clues/report" : $"/clues/report?month={month}";

    /// <summary>The page of a case by its lifecycle (an extension, a reminder talk or a task names its case so).</summary>
    public static string Case(string lifecycle, Guid caseId) => lifecycle switch
    {
        Domain.Plans.Plan.Lifecycle => Plan(caseId),
        Domain.Clues.Clue.Lifecycle => Clue(caseId),
        _ => Problem(caseId),
    };

    public const string SelfChecks = "/self-checks";

    /// <summary>The page on which the user takes the step of a my-tasks item.</summary>
    public static string For(WorkItem item) => item.Kind switch
    {
        WorkKind.SignReceipt => "/receipts",
        // A self-check task has no page of its own: it is answered, and its escalations are followed, on the self-checks page.
        _ when item.Lifecycle == Domain.CommonProblems.SelfCheckTask.Lifecycle => SelfChecks,
        WorkKind.DraftPlan or WorkKind.RevisePlan or WorkKind.ScreenPlan => Plan(item.ItemId),
        WorkKind.ReminderTalk or WorkKind.DecideExtension => Case(item.Lifecycle, item.CaseId),
        _ => Problem(item.ItemId),
    };

    /// <summary>The current page in another language, its query kept (the choice is then remembered in a cookie).</summary>
    public static string WithCulture(HttpRequest request, string culture)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["culture"] = culture;
        return Link(request, query);
    }

    /// <summary>The current page's query with one value replaced (or removed when empty): paging and sorting links keep the filters.</summary>
    public static string With(HttpRequest request, string key, string? value)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query.Remove("culture");
        if (string.IsNullOrEmpty(value))
        {
            query.Remove(key);
        }
        else
        {
            query[key] = new StringValues(value);
        }

        return Link(request, query);
    }

    private static string Link(HttpRequest request, Dictionary<string, StringValues> query) =>
        QueryHelpers.AddQueryString(request.Path.Value ?? "/", query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
}
