using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rectification.Application.Abstractions;
using Rectification.Domain.Auditing;
using Rectification.Domain.Clues;
using Rectification.Domain.Inspections;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Infrastructure.Persistence;

namespace Rectification.Infrastructure.Email;

/// <summary>
/// Fills the placeholders of a notification from the database, in the language of the template chosen. The outbox row
/// carries identifiers only, so the mail shows the case as it is when sent (name, deadline, days overdue), while the
/// state is the one the event left it in. Case facts are cached for the scope: one event usually has several recipients.
/// </summary>
public sealed class NotificationModelBuilder(RectificationDbContext db, ILifecycleCatalog lifecycles, TimeProvider clock, IOptions<EmailOptions> options)
{
    private readonly Dictionary<(string Type, Guid Id), CaseFacts?> cases = [];
    private readonly TimeZoneInfo zone = FindZone(options.Value.TimeZone);

    public async Task<IReadOnlyDictionary<string, string>> BuildAsync(OutboxMessage message, string language, CancellationToken cancellationToken)
    {
        var en = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        string T(string zh, string english) => en ? english : zh;

        var facts = await CaseAsync(message.CaseType, message.CaseId, cancellationToken);
        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == message.RecipientUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var recorded = Recorded(message.Model);
        var state = recorded.State ?? facts?.State ?? "";
        var deadline = recorded.Due ?? facts?.Deadline;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var overdue = deadline is { } due && facts is { Finished: false } && today > due ? today.DayNumber - due.DayNumber : 0;
        var unit = facts?.UnitName ?? "";

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [NotificationModel.RecipientName] = recipient ?? message.RecipientEmail,
            [NotificationModel.UnitName] = unit,
            [NotificationModel.UnitCode] = facts?.UnitCode ?? "",
            [NotificationModel.CaseType] = message.CaseType,
            [NotificationModel.CaseKind] = message.CaseType switch
            {
                Problem.Lifecycle => T("问题", "problem"),
                Plan.Lifecycle => T("整改方案", "rectification plan"),
                Clue.Lifecycle => T("问题线索", "problem clue"),
                Domain.Receipts.Receipt.Lifecycle => T("签收事项", "item to acknowledge"),
                Domain.CommonProblems.SelfCheckTask.Lifecycle => T("未巡先改自查任务", "self-check task"),
                _ => message.CaseType,
            },
            [NotificationModel.CaseCode] = facts?.Code ?? "",
            [NotificationModel.CaseTitle] = message.CaseType switch
            {
                Plan.Lifecycle => T($"{unit}巡察反馈意见整改方案", $"rectification plan of {unit}"),
                Clue.Lifecycle => T($"{ColourLabel(facts?.Colour, en)}交办单问题线索{facts?.Code}", $"{ColourLabel(facts?.Colour, en)}-sheet clue {facts?.Code}"),
                _ => facts?.Title ?? "",
            },
            [NotificationModel.ProblemCode] = message.CaseType == Problem.Lifecycle ? facts?.Code ?? "" : "",
            [NotificationModel.ProblemTitle] = message.CaseType == Problem.Lifecycle ? facts?.Title ?? "" : "",
            [NotificationModel.InspectionName] = facts?.Inspection?.GroupName ?? "",
            [NotificationModel.InspectionKind] = facts?.Inspection is { } i ? KindLabel(i.Kind, en) : "",
            [NotificationModel.InspectionPeriod] = facts?.Inspection is { } p ? T($"{Date(p.Start)}至{Date(p.End)}", $"{Date(p.Start)} to {Date(p.End)}") : "",
            [NotificationModel.RoundName] = facts?.Inspection?.RoundName ?? "",
            [NotificationModel.ClueCode] = message.CaseType == Clue.Lifecycle ? facts?.Code ?? "" : "",
            [NotificationModel.ClueColour] = ColourLabel(facts?.Colour, en),
            [NotificationModel.State] = state,
            [NotificationModel.StateLabel] = StateLabel(message.CaseType, facts?.DefinitionVersion, state, language),
            [NotificationModel.Event] = message.Event,
            [NotificationModel.EventTime] = TimeZoneInfo.ConvertTimeFromUtc(message.CreatedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            [NotificationModel.Deadline] = deadline is { } date ? Date(date) : T("未设定", "not set"),
            [NotificationModel.DaysOverdue] = overdue.ToString(CultureInfo.InvariantCulture),
            [NotificationModel.OverdueNote] = overdue > 0 ? T($"已超期{overdue}天。", $"Overdue by {overdue} day(s).") : "",
            [NotificationModel.Link] = Link(message.CaseType, message.CaseId),
            [NotificationModel.CopyTag] = message.IsCopy ? T("（抄送）", " (copy)") : "",
            [NotificationModel.CopyNote] = message.IsCopy ? T("本邮件为抄送，供您知悉。", "You receive this as a copy, for your information.") : "",
        };
    }

    private string Link(string caseType, Guid caseId) =>
        $"{options.Value.BaseUrl.TrimEnd('/')}/api/{caseType switch { Problem.Lifecycle => "problems", Plan.Lifecycle => "plans", Clue.Lifecycle => "clues", _ => caseType + "s" }}/{caseId}";

    private string StateLabel(string lifecycle, int? version, string state, string language)
    {
        var definitions = lifecycles.All.Where(d => d.Name == lifecycle).ToList();
        var definition = definitions.FirstOrDefault(d => d.Version == version) ?? definitions.MaxBy(d => d.Version);
        return definition is not null && definition.States.TryGetValue(state, out var label) ? label.For(language) : state;
    }

    /// <summary>
    /// What the writer of the row recorded: the state right after the event (a later change must not rewrite what the
    /// mail reports) and, for a reminder, the due date it chases (for a long-term problem, not the final deadline).
    /// </summary>
    private static (string? State, DateOnly? Due) Recorded(string model)
    {
        try
        {
            using var json = JsonDocument.Parse(model);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var state = json.RootElement.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var due = json.RootElement.TryGetProperty("due", out var d) && d.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : (DateOnly?)null;
            return (state, due);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private async Task<CaseFacts?> CaseAsync(string caseType, Guid id, CancellationToken ct)
    {
        if (cases.TryGetValue((caseType, id), out var cached))
        {
            return cached;
        }

        var facts = caseType switch
        {
            Problem.Lifecycle => await db.Problems.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new CaseFacts(p.State, p.DefinitionVersion, p.UnitId, p.InspectionId, p.Code, p.Title, p.Deadline, p.ClosedAt != null, null))
                .FirstOrDefaultAsync(ct),
            Plan.Lifecycle => await db.Plans.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new CaseFacts(p.State, p.DefinitionVersion, p.UnitId, p.InspectionId, "", "", p.SubmissionDue, p.AcceptedAt != null, null))
                .FirstOrDefaultAsync(ct),
            Clue.Lifecycle => await db.Clues.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new CaseFacts(c.State, c.DefinitionVersion, c.UnitId, c.InspectionId, c.Code, "", c.DueDate, c.ConcludedAt != null, c.Colour))
                .FirstOrDefaultAsync(ct),
            Domain.Receipts.Receipt.Lifecycle => await db.Receipts.AsNoTracking().Where(r => r.Id == id)
                .Select(r => new CaseFacts(r.State, 0, r.UnitId, Guid.Empty, "", "", r.DueDate, r.AcknowledgedAt != null, null))
                .FirstOrDefaultAsync(ct),
            Domain.CommonProblems.SelfCheckTask.Lifecycle => await (from t in db.SelfCheckTasks.AsNoTracking()
                                                                     join p in db.CommonProblemPushes.AsNoTracking() on t.PushId equals p.Id
                                                                     where t.Id == id
                                                                     select new CaseFacts(t.State, 0, t.UnitId, Guid.Empty, "", p.Title, t.DueDate, t.AnsweredAt != null, null))
                .FirstOrDefaultAsync(ct),
            _ => null,
        };

        if (facts is not null)
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == facts.UnitId).Select(u => new { u.Name, u.Code }).FirstOrDefaultAsync(ct);
            var inspection = await (from i in db.Inspections.AsNoTracking()
                                    join r in db.Rounds.AsNoTracking() on i.RoundId equals r.Id
                                    where i.Id == facts.InspectionId
                                    select new InspectionFacts(i.GroupName, i.Kind, i.StartDate, i.EndDate, r.Name)).FirstOrDefaultAsync(ct);
            facts = facts with { UnitName = unit?.Name, UnitCode = unit?.Code, Inspection = inspection };
        }

        cases[(caseType, id)] = facts;
        return facts;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string ColourLabel(SheetColour? colour, bool en) => colour switch
    {
        SheetColour.Red => en ? "red" : "红色",
        SheetColour.Yellow => en ? "yellow" : "黄色",
        SheetColour.Blue => en ? "blue" : "蓝色",
        _ => "",
    };

    private static string KindLabel(InspectionKind kind, bool en) => kind switch
    {
        InspectionKind.Regular => en ? "regular inspection" : "常规巡察",
        InspectionKind.Special => en ? "special inspection" : "专项巡察",
        InspectionKind.Mobile => en ? "mobile inspection" : "机动巡察",
        InspectionKind.Cross => en ? "cross inspection" : "交叉巡察",
        InspectionKind.Elevated => en ? "elevated inspection" : "提级巡察",
        InspectionKind.LookBack => en ? "look-back inspection" : "巡察“回头看”",
        InspectionKind.SelfCheck => en ? "self-check of a common problem" : "未巡先改自查",
        _ => kind.ToString(),
    };

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            // Only the default can be missing (the validator refuses other unknown zones): without time zone data,
            // as in a slim container, China Standard Time is a fixed UTC+8 with no daylight saving.
            : TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);

    private sealed record CaseFacts(string State, int DefinitionVersion, Guid UnitId, Guid InspectionId, string Code, string Title,
        DateOnly? Deadline, bool Finished, SheetColour? Colour)
    {
        public string? UnitName { get; init; }
        public string? UnitCode { get; init; }
        public InspectionFacts? Inspection { get; init; }
    }

    private sealed record InspectionFacts(string GroupName, InspectionKind Kind, DateOnly Start, DateOnly End, string RoundName);
}
