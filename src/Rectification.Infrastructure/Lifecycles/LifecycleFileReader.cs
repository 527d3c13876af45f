using System.Security.Cryptography;
using System.Text;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using System.Diagnostics;

namespace Rectification.Infrastructure.Lifecycles;

/// <summary>A broken definition file: names the file, the line and the problem, so an operator can fix it before start-up.</summary>
public sealed class LifecycleFileException(string file, long line, string problem)
    : Exception($"{file}({line}): {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Problem { get; } = problem;
}

/// <summary>
/// Reads and validates one lifecycle file. The schema is checked by hand against the YAML node tree because
/// that is what keeps line numbers: every complaint points at the node it is about.
/// </summary>
public static class LifecycleFileReader
{
    private static readonly string[] TopLevelKeys = ["lifecycle", "version", "initial", "states", "durations", "transitions", "signOff", "notifications", "events"];

    public static LifecycleDefinition Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static LifecycleDefinition Parse(string text, string fileName)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new LifecycleFileException(fileName, e.Start.Line, e.InnerException?.Message ?? e.Message);
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new LifecycleFileException(fileName, 1, "the file must hold one mapping (lifecycle, version, initial, states, transitions, …)");
        }

        var reader = new YamlNodeReader(fileName);
        foreach (var key in root.Children.Keys)
        {
            var name = reader.Scalar(key, "key");
            if (!TopLevelKeys.Contains(name))
            {
                reader.Fail(key, $"unknown key '{name}'; allowed: {string.Join(", ", TopLevelKeys)}");
            }
        }

        var lifecycle = reader.Scalar(reader.Required(root, "lifecycle"), "lifecycle");
        var version = reader.Int(reader.Required(root, "version"), "version", min: 1);
        var initialNode = reader.Required(root, "initial");
        var initial = reader.Scalar(initialNode, "initial");

        var states = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, value) in reader.Mapping(reader.Required(root, "states"), "states"))
        {
            _ = reader.Mapping(value, "state label");
            states[reader.Scalar(key, "state")] = new LocalizedText(
                reader.Scalar(reader.Required(value, "zh-CN"), "zh-CN label"),
                reader.Scalar(reader.Required(value, "en"), "en label"));
        }

        // A kind the code knows needs the states and durations it relies on; any other lifecycle is only checked for consistency.
        var kind = CaseKind.Find(lifecycle);
        if (kind is not null)
        {
            foreach (var missing in kind.RequiredStates.Where(r => !states.ContainsKey(r)))
            {
                reader.Fail(reader.Required(root, "states"), $"state '{missing}' is required for lifecycle '{lifecycle}'");
            }
        }

        if (!states.ContainsKey(initial))
        {
            reader.Fail(initialNode, $"initial state '{initial}' is not among the states ({string.Join(", ", states.Keys)})");
        }

        var durations = new Dictionary<string, DurationSpec>(StringComparer.Ordinal);
        if (Optional(root, "durations") is { } durationsNode)
        {
            foreach (var (key, value) in reader.Mapping(durationsNode, "durations"))
            {
                durations[reader.Scalar(key, "duration name")] = reader.Duration(value);
            }
        }

        if (kind is not null)
        {
            foreach (var missing in kind.RequiredDurations.Where(r => !durations.ContainsKey(r)))
            {
                reader.Fail(Optional(root, "durations") ?? root, $"duration '{missing}' is required for lifecycle '{lifecycle}'");
            }
        }

        var transitions = new List<TransitionDefinition>();
        foreach (var node in reader.Sequence(reader.Required(root, "transitions"), "transitions"))
        {
            var trigger = reader.Scalar(reader.Required(node, "trigger"), "trigger");
            var fromNode = reader.Required(node, "from");
            var toNode = reader.Required(node, "to");
            var from = reader.Scalar(fromNode, "from");
            var to = reader.Scalar(toNode, "to");
            if (!states.ContainsKey(from)) reader.Fail(fromNode, $"transition '{trigger}' starts from unknown state '{from}'");
            if (!states.ContainsKey(to)) reader.Fail(toNode, $"transition '{trigger}' leads to unknown state '{to}'");
            if (transitions.Any(t => t.From == from && t.Trigger == trigger))
            {
                reader.Fail(node, $"trigger '{trigger}' is defined twice from state '{from}'");
            }

            var roles = reader.Roles(reader.Required(node, "roles"), "roles");
            var guards = new List<string>();
            if (Optional(node, "guards") is { } guardsNode)
            {
                foreach (var g in reader.Sequence(guardsNode, "guards"))
                {
                    var guard = reader.Scalar(g, "guard");
                    if (!Guards.All.ContainsKey(guard))
                    {
                        reader.Fail(g, $"unknown guard '{guard}'; known guards: {string.Join(", ", Guards.All.Keys)}");
                    }

                    guards.Add(guard);
                }
            }

            transitions.Add(new TransitionDefinition(from, trigger, to, roles, guards));
        }

        var unreachable = states.Keys.Except(Reachable(initial, transitions)).ToList();
        if (unreachable.Count > 0)
        {
            reader.Fail(reader.Required(root, "states"), $"state(s) {string.Join(", ", unreachable)} cannot be reached from '{initial}'");
        }

        SignOffDefinition? signOff = null;
        if (Optional(root, "signOff") is { } signOffNode)
        {
            var orderNode = Optional(signOffNode, "order");
            var order = orderNode is null ? SignOffOrder.Parallel : reader.Enum<SignOffOrder>(orderNode, "order", ignoreCase: true);
            var when = new List<SignOffCondition>();
            if (Optional(signOffNode, "when") is { } whenNode)
            {
                foreach (var c in reader.Sequence(whenNode, "when"))
                {
                    when.Add(new SignOffCondition(
                        reader.Enum<Domain.Problems.Severity>(reader.Required(c, "severity"), "severity").ToString(),
                        reader.Roles(reader.Required(c, "add"), "add")));
                }
            }

            signOff = new SignOffDefinition(reader.Roles(reader.Required(signOffNode, "parties"), "parties"), order, when);
        }

        var events = new HashSet<string>(transitions.Select(t => t.Trigger), StringComparer.Ordinal);
        if (Optional(root, "events") is { } eventsNode)
        {
            foreach (var e in reader.Sequence(eventsNode, "events"))
            {
                events.Add(reader.Scalar(e, "event"));
            }
        }

        var notifications = new List<NotificationRule>();
        if (Optional(root, "notifications") is { } notificationsNode)
        {
            foreach (var n in reader.Sequence(notificationsNode, "notifications"))
            {
                var onNode = reader.Required(n, "on");
                var on = reader.Scalar(onNode, "on");
                if (!events.Contains(on))
                {
                    reader.Fail(onNode, $"notification on unknown trigger or event '{on}'; known: {string.Join(", ", events)}");
                }

                var recipients = new List<RecipientSpec>();
                foreach (var r in reader.Sequence(reader.Required(n, "to"), "to"))
                {
                    recipients.Add(reader.Recipient(r));
                }

                var requiredFlag = Optional(n, "required") is { } req && reader.Bool(req, "required");
                notifications.Add(new NotificationRule(on, reader.Scalar(reader.Required(n, "template"), "template"), recipients, requiredFlag));
            }
        }

        return new LifecycleDefinition(lifecycle, version, initial, states, transitions, durations, signOff, notifications, text, Hash(text));
    }

    private static HashSet<string> Reachable(string initial, IReadOnlyList<TransitionDefinition> transitions)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { initial };
        var frontier = new Queue<string>([initial]);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var next in transitions.Where(t => t.From == state).Select(t => t.To).Where(reached.Add))
            {
                frontier.Enqueue(next);
            }
        }

        return reached;
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));

    private static YamlNode? Optional(YamlNode node, string key) => YamlNodeReader.Optional(node, key);
}
