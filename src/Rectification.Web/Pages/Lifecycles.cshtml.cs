using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rectification.Application.Abstractions;
using Rectification.Application.Workflows;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Reminders;

namespace Rectification.Web.Pages;

/// <summary>
/// 流程与时限: each lifecycle of <c>workflows/</c> as a diagram with the cases in each state in the user's scope, its transitions,
/// time limits and sign-off; the reminder ladder; and the holidays of the current year. Only the kinds this user may see.
/// </summary>
public sealed class LifecyclesModel(ISender sender, ILifecycleCatalog lifecycles, IReminderCatalog reminders, WorkingCalendar calendar, TimeProvider clock)
    : PageModel
{
    public sealed record Shown(CaseKind Kind, LifecycleDefinition Definition, IReadOnlyDictionary<string, int> Counts);

    /// <summary>One ladder as a reader meets it: what it chases and when the deadline runs.</summary>
    public sealed record Ladder(string Heading, ReminderLadder Steps);

    public IReadOnlyList<Shown> Lifecycles { get; private set; } = [];
    public IReadOnlyList<Ladder> Ladders { get; private set; } = [];
    public int YellowWithinDays => reminders.Settings.YellowWithinDays;
    public int Year { get; private set; }
    public IReadOnlyList<DateOnly> Holidays { get; private set; } = [];
    public IReadOnlyList<DateOnly> MakeUpDays { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = (await sender.Send(new CountCasesInStates(), ct)).Value.Counts;
        Lifecycles = [.. CaseKind.All.Where(k => k.FromFile && counts.ContainsKey(k.Lifecycle))
            .Select(k => new Shown(k, lifecycles.Current(k.Lifecycle), counts[k.Lifecycle]))];

        var settings = reminders.Settings;
        var ladders = new List<Ladder>();
        foreach (var shown in Lifecycles)
        {
            if (settings.Ladders.TryGetValue(shown.Kind.Lifecycle, out var ladder))
            {
                var states = string.Join(UiText.T("lc-and"), ladder.ActiveStates.Select(s => shown.Definition.States.TryGetValue(s, out var l) ? UiText.L(l) : s));
                ladders.Add(new Ladder(UiText.T2("lc-ladder-of", UiText.Capital(UiText.L(shown.Kind.Noun)), states), ladder));
            }
        }

        // A handover sheet's receipt is about a clue: shown only to those who see clues.
        foreach (var rule in settings.Receipts.Values.Where(r => counts.ContainsKey(r.Ladder.SubjectKind)))
        {
            ladders.Add(new Ladder(UiText.T("lc-ladder-receipt", UiText.L(rule.Kind) + " · " + Within(rule.Within)), rule.Ladder));
        }

        if (settings.SelfChecks is { } selfChecks)
        {
            ladders.Add(new Ladder(UiText.Capital(UiText.L(CaseKind.SelfCheck.Noun)) + " · " + Within(selfChecks.AnswerWithin), selfChecks.Ladder));
        }

        Ladders = ladders;
        Year = OfficeTime.Today(clock).Year;
        Holidays = calendar.HolidaysIn(Year);
        MakeUpDays = calendar.MakeUpWorkingDaysIn(Year);
    }

    public static string Within(DurationSpec duration) =>
        UiText.T(duration.WorkingDays ? "lc-working-days" : "lc-days", duration.Days);

    public static string When(ReminderStepDefinition step) => step.OffsetDays switch
    {
        < 0 => UiText.T("lc-before", -step.OffsetDays),
        0 => UiText.T("lc-on-due"),
        _ => UiText.T("lc-after", step.OffsetDays),
    };

    public static string Recipient(RecipientSpec to)
    {
        var who = UiText.T(to.Scope == RecipientScope.Unit ? "lc-scope-unit" : "lc-scope-above", UiText.L(to.Role));
        return to.Copy ? UiText.T("lc-copy", who) : who;
    }

    public static string Duration(string key) => UiText.T("lc-dur-" + key) is var words && words != "lc-dur-" + key ? words : key;

    public static string Month(int month) => UiText.English
        ? System.Globalization.CultureInfo.GetCultureInfo("en").DateTimeFormat.GetMonthName(month)
        : $"{month}月";

    public static string DayOfMonth(DateOnly day) => UiText.English
        ? day.ToString("MMM d (ddd)", System.Globalization.CultureInfo.GetCultureInfo("en"))
        : day.ToString("M月d日（ddd）", System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
}
