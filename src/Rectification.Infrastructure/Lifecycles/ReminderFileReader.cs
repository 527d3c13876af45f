using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Receipts;
using Rectification.Domain.Reminders;
using YamlDotNet.RepresentationModel;

namespace Rectification.Infrastructure.Lifecycles;

/// <summary>Reads <c>reminders.yaml</c> (the ladders) and <c>calendar.yaml</c> (holidays and make-up working days).</summary>
public static class ReminderFileReader
{
    public const string LaddersFile = "reminders.yaml";
    public const string CalendarFile = "calendar.yaml";

    public static ReminderSettings ReadLadders(string path, IReadOnlyList<LifecycleDefinition> lifecycles) =>
        ParseLadders(File.ReadAllText(path), Path.GetFileName(path), lifecycles);

    public static ReminderSettings ParseLadders(string text, string fileName, IReadOnlyList<LifecycleDefinition> lifecycles)
    {
        var reader = new YamlNodeReader(fileName);
        var root = reader.Load(text);
        var yellow = reader.Int(reader.Required(reader.Required(root, "trafficLights"), "yellowWithinDays"), "yellowWithinDays", min: 0);
        var ladders = new Dictionary<string, ReminderLadder>(StringComparer.Ordinal);
        foreach (var (key, value) in reader.Mapping(reader.Required(root, "ladders"), "ladders"))
        {
            var lifecycle = reader.Scalar(key, "lifecycle");
            var definition = lifecycles.Where(d => d.Name == lifecycle).MaxBy(d => d.Version);
            if (definition is null)
            {
                reader.Fail(key, $"no lifecycle '{lifecycle}' is defined in workflows/; known: {string.Join(", ", lifecycles.Select(d => d.Name).Distinct())}");
            }

            var states = reader.Sequence(reader.Required(value, "activeStates"), "activeStates").Select(s =>
            {
                var state = reader.Scalar(s, "state");
                if (!definition!.States.ContainsKey(state))
                {
                    reader.Fail(s, $"lifecycle '{lifecycle}' has no state '{state}'");
                }

                return state;
            }).ToList();

            var steps = Steps(reader, value, lifecycle, escalationReceiptsAllowed: true);
            ladders[lifecycle] = new ReminderLadder(lifecycle, states, steps);
        }

        return new ReminderSettings(yellow, ladders) { Receipts = Receipts(reader, root), SelfChecks = SelfChecks(reader, root) };
    }

    /// <summary>签收: per kind of item, the time limit, the roles that sign for it and the ladder that chases it.</summary>
    private static Dictionary<ReceiptKind, ReceiptRule> Receipts(YamlNodeReader reader, YamlMappingNode root)
    {
        var rules = new Dictionary<ReceiptKind, ReceiptRule>();
        if (YamlNodeReader.Optional(root, "receipts") is not { } section)
        {
            return rules;
        }

        foreach (var (key, value) in reader.Mapping(section, "receipts"))
        {
            var kind = reader.Enum<ReceiptKind>(key, "receipt kind");
            var within = reader.Duration(reader.Required(value, "within"));
            var receivedBy = reader.Roles(reader.Required(value, "receivedBy"), "receivedBy");
            var ladder = new ReminderLadder(Receipt.Lifecycle, [ReceiptStates.Pending], Steps(reader, value, $"receipts/{kind}", escalationReceiptsAllowed: false), kind.ToString());
            rules[kind] = new ReceiptRule(kind, within, receivedBy, ladder);
        }

        var missing = Enum.GetValues<ReceiptKind>().Where(k => !rules.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            reader.Fail(section, $"receipts must set a time limit for every kind; missing: {string.Join(", ", missing)}");
        }

        return rules;
    }

    /// <summary>未巡先改: how long a unit has to answer a pushed self-check task, and the ladder that chases it.</summary>
    private static SelfCheckRule? SelfChecks(YamlNodeReader reader, YamlMappingNode root)
    {
        if (YamlNodeReader.Optional(root, "selfChecks") is not { } section)
        {
            return null;
        }

        var within = reader.Duration(reader.Required(section, "answerWithin"));
        var pushed = reader.Required(section, "pushed");
        var template = reader.Scalar(reader.Required(pushed, "template"), "template");
        var to = reader.Sequence(reader.Required(pushed, "to"), "to").Select(reader.Recipient).ToList();
        var ladder = new ReminderLadder(SelfCheckTask.Lifecycle, [SelfCheckStates.Pending], Steps(reader, section, "selfChecks", escalationReceiptsAllowed: false));
        return new SelfCheckRule(within, ladder, template, to);
    }

    private static List<ReminderStepDefinition> Steps(YamlNodeReader reader, YamlNode value, string ladderName, bool escalationReceiptsAllowed)
    {
        var steps = new List<ReminderStepDefinition>();
        foreach (var node in reader.Sequence(reader.Required(value, "steps"), "steps"))
        {
            var nameNode = reader.Required(node, "step");
            var name = reader.Scalar(nameNode, "step");
            if (steps.Any(s => s.Name == name))
            {
                reader.Fail(nameNode, $"step '{name}' appears twice in the '{ladderName}' ladder");
            }

            var offsetNode = reader.Required(node, "offset");
            var offsetText = reader.Scalar(offsetNode, "offset");
            if (!int.TryParse(offsetText, out var offset) || Math.Abs(offset) > 3650)
            {
                reader.Fail(offsetNode, $"offset '{offsetText}' must be a whole number of days (negative before the due date)");
            }

            var task = YamlNodeReader.Optional(node, "task") is { } taskNode ? reader.Enum<SupervisionTaskKind>(taskNode, "task").ToString() : null;
            var receipt = YamlNodeReader.Optional(node, "receipt") is { } receiptNode && reader.Bool(receiptNode, "receipt");
            if (receipt && !escalationReceiptsAllowed)
            {
                // A receipt chased for its own receipt would never end.
                reader.Fail(node, $"step '{name}' of the '{ladderName}' ladder cannot ask for a receipt; only the lifecycles' escalations do");
            }

            var to = reader.Sequence(reader.Required(node, "to"), "to").Select(reader.Recipient).ToList();
            steps.Add(new ReminderStepDefinition(name, offset, reader.Scalar(reader.Required(node, "template"), "template"), to, task, receipt));
        }

        return steps.OrderBy(s => s.OffsetDays).ToList();
    }

    public static WorkingCalendar ReadCalendar(string path) => ParseCalendar(File.ReadAllText(path), Path.GetFileName(path));

    public static WorkingCalendar ParseCalendar(string text, string fileName)
    {
        var reader = new YamlNodeReader(fileName);
        var root = reader.Load(text);
        var holidays = Dates(reader, root, "holidays");
        var working = Dates(reader, root, "workingDays");
        var both = holidays.Intersect(working).ToList();
        if (both.Count > 0)
        {
            reader.Fail(root, $"{both[0]:yyyy-MM-dd} is listed both as a holiday and as a working day");
        }

        return new WorkingCalendar(holidays, working);
    }

    private static List<DateOnly> Dates(YamlNodeReader reader, YamlMappingNode root, string key) =>
        YamlNodeReader.Optional(root, key) is { } node ? reader.Sequence(node, key).Select(d => reader.Date(d, key)).ToList() : [];
}
