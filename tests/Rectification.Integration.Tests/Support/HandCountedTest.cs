using System.Globalization;
using System.Text.Json.Nodes;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.Inspections;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// A small world counted by hand: built through the real commands as the users who would take each step, its problems kept by the
/// names of the suite's table, and read over HTTP as users do. The statistics and the dashboard suites share it.
/// </summary>
public abstract class HandCountedTest(DatabaseProvider provider) : HostTest(provider)
{
    /// <summary>The problems by their names in the suite's table.</summary>
    protected Dictionary<string, Guid> Problems { get; } = [];

    // ---- building, through the real commands ---------------------------------------------------------------------------

    protected async Task<Guid> Inspection(Guid round, Domain.Organization.Unit unit, InspectionKind kind) =>
        Ok(await Host.Send<InspectionDto>("office", new RegisterInspection(round, unit.Id, kind, "巡察组", Host.Clock.Today.AddDays(-30), Host.Clock.Today))).Id;

    protected async Task Register(Guid inspection, string name, bool raisedDuringInspection = false) =>
        Problems[name] = Ok(await Host.Send<ProblemSummary>("group", new RegisterProblem(inspection, name, "描述", "党的领导", Severity.General,
            "事实", "依据", "过程", raisedDuringInspection))).Id;

    protected async Task Line(string liaison, Guid plan, string problem, RectificationKind kind, DateOnly deadline) =>
        Ok(await Host.Send<PlanDto>(liaison, new EditLedgerLine(plan, Problems[problem], "整改措施", "张书记", "办公室", kind, deadline)));

    protected async Task Accept(string liaison, Guid plan)
    {
        Ok(await Host.Send<PlanDto>(liaison, new SubmitPlan(plan)));
        Ok(await Host.Send<PlanDto>("discipline", new AcceptPlan(plan, "方案可行")));
    }

    /// <summary>Closes a problem of the unit whose code is <paramref name="unit"/> (lower case) through its review.</summary>
    protected Task Close(string unit, string problem) => CloseThroughReview(unit, Problems[problem]);

    // ---- reading, over HTTP as users do --------------------------------------------------------------------------------

    protected async Task<JsonNode> Get(string user, string path)
    {
        using var response = await Host.ClientFor(user).GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET {path} as {user}: {text}");
        return JsonNode.Parse(text)!;
    }

    protected static string Number(JsonNode? node) => ((decimal)node!).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The problems of a page of problems (or of ledger rows) by their names in the table, in order of name.</summary>
    protected string Names(JsonNode page)
    {
        var names = Problems.ToDictionary(p => p.Value, p => p.Key);
        return string.Join(", ", page["items"]!.AsArray()
            .Select(p => (Guid)(p!["problem"] ?? p)["id"]!)
            .Select(id => names.GetValueOrDefault(id, id.ToString()))
            .Order(StringComparer.Ordinal));
    }
}
