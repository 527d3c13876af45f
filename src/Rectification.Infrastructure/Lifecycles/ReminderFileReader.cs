using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;
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

            var steps = new List<ReminderStepDefinition>();
            foreach (var node in reader.Sequence(reader.Required(value, "steps"), "steps"))
            {
                var nameNode = reader.Required(node, "step");
                var name = reader.Scalar(nameNode, "step");
                if (steps.Any(s => s.Name == name))
                {
                    reader.Fail(nameNode, $"step '{name}' appears twice in the '{lifecycle}' ladder");
                }

                var offsetNode = reader.Required(node, "offset");
                var offsetText = reader.Scalar(offsetNode, "offset");
                if (!int.TryParse(offsetText, out var offset) || Math.Abs(offset) > 3650)
                {
                    reader.Fail(offsetNode, $"offset '{offsetText}' must be a whole number of days (negative before the due date)");
                }

                var task = YamlNodeReader.Optional(node, "task") is { } taskNode ? reader.Enum<SupervisionTaskKind>(taskNode, "task").ToString() : null;
                var to = reader.Sequence(reader.Required(node, "to"), "to").Select(reader.Recipient).ToList();
                steps.Add(new ReminderStepDefinition(name, offset, reader.Scalar(reader.Required(node, "template"), "template"), to, task));
            }

            ladders[lifecycle] = new ReminderLadder(lifecycle, states, steps.OrderBy(s => s.OffsetDays).ToList());
        }

        return new ReminderSettings(yellow, ladders);
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
