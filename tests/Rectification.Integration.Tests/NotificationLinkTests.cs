using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Clues;
using Rectification.Domain.Auditing;
using Rectification.Domain.Clues;
using Rectification.Domain.Lifecycles;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Email;

namespace Rectification.Integration.Tests;

/// <summary>
/// Every mail template, in both languages, rendered for a real case of every kind exactly as the dispatcher renders it, and every
/// link in it followed on the host as the mail's recipient: each opens a page of the item under the public base address (never
/// the API's JSON, never a 404).
/// </summary>
[NonParallelizable]
public sealed partial class NotificationLinkTests() : HostTest(DatabaseProvider.Sqlite)
{
    private const string BaseUrl = "https://zhenggai.example.gov.cn";

    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?> { ["Email:BaseUrl"] = BaseUrl + "/" };

    [TimeLimit(300)]
    [Test]
    public async Task EveryLinkOfEveryTemplate_OpensThePageOfItsItem_ForTheSignedInRecipient()
    {
        var (inspection, planId, problems) = await InRectification(Org.Bureau);
        var clue = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "某科长违规收受礼金", SheetColour.Red)));
        var receiptId = await Host.Query(db => db.Receipts.Where(r => r.UnitId == Org.Bureau.Id).Select(r => r.Id).FirstAsync());
        // Who reads each kind's mail, in each language: the unit for its own cases, the commission for a clue (the unit never sees one).
        var cases = new (CaseKind Kind, Guid Id, string ZhReader, string ExpectedPath)[]
        {
            (CaseKind.Problem, problems[0].Id, "b1-liaison", $"/problems/{problems[0].Id}"),
            (CaseKind.Plan, planId, "b1-liaison", $"/plans/{planId}"),
            (CaseKind.Clue, clue.Id, "discipline", $"/clues/{clue.Id}"),
            (CaseKind.Receipt, receiptId, "b1-liaison", "/receipts"),
            // A self-check task has no page of its own: its mail opens my tasks, where the task waits.
            (CaseKind.SelfCheck, Guid.CreateVersion7(), "b1-liaison", "/"),
        };
        var planPageExists = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Any(e => e.RoutePattern.RawText?.Trim('/') == "plans/{id:guid}");

        var templates = Host.Services.GetRequiredService<TemplateCatalog>();
        var names = templates.Names.Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var followed = 0;
        var clients = new Dictionary<(string, string), HttpClient>();
        foreach (var name in names)
        {
            foreach (var language in new[] { "zh-CN", "en" })
            {
                foreach (var (kind, id, zhReader, expectedPath) in cases)
                {
                    // The office reads English (its account's language in the seeded city); every kind of mail reaches it.
                    var reader = language == "en" ? "office" : zhReader;
                    var links = await RenderLinksAsync(name, language, kind, id, reader);
                    if (links.Count == 0)
                    {
                        failures.Add($"{name}.{language} for a {kind.Lifecycle}: no link");
                    }

                    foreach (var link in links)
                    {
                        if (!link.StartsWith(BaseUrl + "/", StringComparison.Ordinal))
                        {
                            failures.Add($"{name}.{language} for a {kind.Lifecycle}: {link} is not under the public base address");
                            continue;
                        }

                        var path = link[BaseUrl.Length..];
                        if (path != expectedPath)
                        {
                            failures.Add($"{name}.{language} for a {kind.Lifecycle}: {path} instead of {expectedPath}");
                        }

                        if (kind == CaseKind.Plan && !planPageExists)
                        {
                            // The plan editor is built beside these pages; until it is in the host its links are checked for their address only.
                            continue;
                        }

                        if (!clients.TryGetValue((reader, language), out var client))
                        {
                            clients[(reader, language)] = client = Host.ClientFor(reader, language);
                        }

                        using var response = await client.GetAsync(path);
                        var type = response.Content.Headers.ContentType?.MediaType ?? "";
                        followed++;
                        if ((int)response.StatusCode != 200 || type != "text/html")
                        {
                            failures.Add($"{name}.{language} for a {kind.Lifecycle}: {path} answers {(int)response.StatusCode} {type} to {reader}");
                        }
                    }
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        TestContext.Out.WriteLine($"{names.Count} templates, {followed} links followed; plan page in the host: {planPageExists}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Has.Count.EqualTo(17), "every template of the workflows folder");
            Assert.That(names, Does.Contain("problem-closed").And.Contain("inspection-fed-back").And.Contain("clue-handed-over").And.Contain("receipt-reminder")
                .And.Contain("self-check-pushed").And.Contain("reminder-overdue"));
            Assert.That(failures, Is.Empty);
            Assert.That(followed, Is.GreaterThanOrEqualTo(names.Count * 2 * (planPageExists ? 5 : 4)), "at least one link of every mail was opened");
        }
    }

    /// <summary>The links of one mail, rendered by the product's template catalog and model builder as the dispatcher renders it.</summary>
    private async Task<IReadOnlyList<string>> RenderLinksAsync(string template, string language, CaseKind kind, Guid caseId, string recipient)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.RectificationDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == recipient);
        var model = JsonSerializer.Serialize(new Dictionary<string, object?> { ["lifecycle"] = kind.Lifecycle, ["caseId"] = caseId });
        var message = new OutboxMessage(Guid.CreateVersion7(), Host.Clock.GetUtcNow().UtcDateTime, "Test", template, kind.Lifecycle, caseId,
            user.Id, user.Email, user.Role.ToString(), false, language, model);
        var found = scope.ServiceProvider.GetRequiredService<TemplateCatalog>().Find(template, language);
        var values = await scope.ServiceProvider.GetRequiredService<NotificationModelBuilder>().BuildAsync(message, found.Language, CancellationToken.None);
        var mail = found.Render(values);
        return Link().Matches(mail.Text + "\n" + mail.Html).Select(m => System.Net.WebUtility.HtmlDecode(m.Value)).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex Link();
}
