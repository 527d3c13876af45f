using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles.Kinds;
using Rectification.Domain.Auditing;
using Rectification.Domain.Common;
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
    private readonly Dictionary<(string Type, Guid Id), MailFacts?> cases = [];

    public async Task<IReadOnlyDictionary<string, string>> BuildAsync(OutboxMessage message, string language, CancellationToken cancellationToken)
    {
        var en = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        string T(string zh, string english) => en ? english : zh;

        var source = CaseSources.Find(message.CaseType);
        var facts = source is null ? null : await CaseAsync(source, message.CaseId, cancellationToken);
        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == message.RecipientUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var recorded = Recorded(message.Model);
        var state = recorded.State ?? facts?.Case.State ?? "";
        var deadline = recorded.Due ?? facts?.Case.Deadline;
        var today = OfficeTime.Today(clock);
        var overdue = deadline is { } due && facts is { Case.Finished: false } && today > due ? today.DayNumber - due.DayNumber : 0;
        var unit = facts?.UnitName ?? "";

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [NotificationModel.RecipientName] = recipient ?? message.RecipientEmail,
            [NotificationModel.UnitName] = unit,
            [NotificationModel.UnitCode] = facts?.UnitCode ?? "",
            [NotificationModel.CaseType] = message.CaseType,
            [NotificationModel.CaseKind] = source?.Kind.Noun.For(language) ?? message.CaseType,
            [NotificationModel.CaseCode] = facts?.Case.Code ?? "",
            [NotificationModel.CaseTitle] = facts is null || source is null ? "" : source.TitleOf(facts.Case, unit).For(language),
            [NotificationModel.ProblemCode] = message.CaseType == Problem.Lifecycle ? facts?.Case.Code ?? "" : "",
            [NotificationModel.ProblemTitle] = message.CaseType == Problem.Lifecycle ? facts?.Case.Title ?? "" : "",
            [NotificationModel.InspectionName] = facts?.Inspection?.GroupName ?? "",
            [NotificationModel.InspectionKind] = facts?.Inspection is { } i ? Glossary.Of(i.Kind).For(language) : "",
            [NotificationModel.InspectionPeriod] = facts?.Inspection is { } p ? T($"{Date(p.Start)}至{Date(p.End)}", $"{Date(p.Start)} to {Date(p.End)}") : "",
            [NotificationModel.RoundName] = facts?.Inspection?.RoundName ?? "",
            [NotificationModel.ClueCode] = message.CaseType == Clue.Lifecycle ? facts?.Case.Code ?? "" : "",
            [NotificationModel.ClueColour] = SheetColours.Label(facts?.Case.Colour).For(language),
            [NotificationModel.State] = state,
            [NotificationModel.StateLabel] = StateLabel(message.CaseType, facts?.Case.DefinitionVersion, state, language),
            [NotificationModel.Event] = message.Event,
            [NotificationModel.EventTime] = OfficeTime.LocalOf(message.CreatedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            [NotificationModel.Deadline] = deadline is { } date ? Date(date) : T("未设定", "not set"),
            [NotificationModel.DaysOverdue] = overdue.ToString(CultureInfo.InvariantCulture),
            [NotificationModel.OverdueNote] = overdue > 0 ? T($"已超期{overdue}天。", $"Overdue by {overdue} day(s).") : "",
            [NotificationModel.Link] = Link(source, message.CaseId, facts?.Case),
            [NotificationModel.CopyTag] = message.IsCopy ? T("（抄送）", " (copy)") : "",
            [NotificationModel.CopyNote] = message.IsCopy ? T("本邮件为抄送，供您知悉。", "You receive this as a copy, for your information.") : "",
        };
    }

    /// <summary>The page of the case under the public base address (never the API, whose JSON a person cannot read); my tasks for a kind without one.</summary>
    private string Link(CaseSource? source, Guid caseId, CaseFacts? facts) =>
        $"{options.Value.BaseUrl.TrimEnd('/')}/{source?.PageOf(caseId, facts) ?? ""}";

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

    private async Task<MailFacts?> CaseAsync(CaseSource source, Guid id, CancellationToken ct)
    {
        if (cases.TryGetValue((source.Lifecycle, id), out var cached))
        {
            return cached;
        }

        MailFacts? facts = null;
        if (await source.Facts(db, id).FirstOrDefaultAsync(ct) is { } found)
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == found.UnitId).Select(u => new { u.Name, u.Code }).FirstOrDefaultAsync(ct);
            var inspection = await (from i in db.Inspections.AsNoTracking()
                                    join r in db.Rounds.AsNoTracking() on i.RoundId equals r.Id
                                    where i.Id == found.InspectionId
                                    select new InspectionFacts(i.GroupName, i.Kind, i.StartDate, i.EndDate, r.Name)).FirstOrDefaultAsync(ct);
            facts = new MailFacts(found, unit?.Name, unit?.Code, inspection);
        }

        cases[(source.Lifecycle, id)] = facts;
        return facts;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The case's own facts with the names of its unit and inspection.</summary>
    private sealed record MailFacts(CaseFacts Case, string? UnitName, string? UnitCode, InspectionFacts? Inspection);

    private sealed record InspectionFacts(string GroupName, InspectionKind Kind, DateOnly Start, DateOnly End, string RoundName);
}
