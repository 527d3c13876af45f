using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;
using Rectification.Domain.Visibility;
using YamlDotNet.RepresentationModel;

namespace Rectification.Infrastructure.Lifecycles;

/// <summary>
/// Reads <c>visibility.yaml</c> and checks it against the lifecycles: every kind a lifecycle, every state one of its
/// states, every field group a known one; and no notification or reminder rule may mail a kind to a role that may not
/// see it, so a confidential object cannot leak by e-mail through a rule written later.
/// </summary>
public static class VisibilityFileReader
{
    public const string FileName = "visibility.yaml";

    public static VisibilityRules Read(string path, IReadOnlyList<LifecycleDefinition> lifecycles, ReminderSettings? reminders = null) =>
        Parse(File.ReadAllText(path), Path.GetFileName(path), lifecycles, reminders);

    public static VisibilityRules Parse(string text, string fileName, IReadOnlyList<LifecycleDefinition> lifecycles, ReminderSettings? reminders = null)
    {
        var reader = new YamlNodeReader(fileName);
        var root = reader.Load(text);
        var version = reader.Int(reader.Required(root, "version"), "version", min: 1);
        var byName = lifecycles.GroupBy(l => l.Name).ToDictionary(g => g.Key, g => g.ToList());
        var kinds = new Dictionary<string, KindVisibility>();
        var nodes = new Dictionary<string, YamlNode>();
        foreach (var (key, value) in reader.Mapping(reader.Required(root, "kinds"), "kinds"))
        {
            var kind = reader.Scalar(key, "kind");
            if (!byName.TryGetValue(kind, out var versions))
            {
                reader.Fail(key, $"unknown kind '{kind}'; allowed: {string.Join(", ", byName.Keys.Order())}");
                continue;
            }

            foreach (var (k, _) in reader.Mapping(value, kind))
            {
                var name = reader.Scalar(k, "key");
                if (name is not ("see" or "counts" or "states" or "fields"))
                {
                    reader.Fail(k, $"unknown key '{name}' under '{kind}'; allowed: see, counts, states, fields");
                }
            }

            var see = YamlNodeReader.Optional(value, "see") is { } s ? reader.Roles(s, $"{kind}.see") : null;
            var counts = YamlNodeReader.Optional(value, "counts") is { } c ? reader.Roles(c, $"{kind}.counts") : null;
            var allStates = versions.SelectMany(v => v.States.Keys).ToHashSet(StringComparer.Ordinal);
            var states = Groups(reader, value, "states", kind, allStates, "state");
            var fields = Groups(reader, value, "fields", kind, VisibilityRules.KnownFields.GetValueOrDefault(kind, []).ToHashSet(StringComparer.Ordinal), "field group");
            kinds[kind] = new KindVisibility(see, counts, states, fields);
            nodes[kind] = key;
        }

        var rules = new VisibilityRules(version, kinds);
        foreach (var lifecycle in lifecycles)
        {
            foreach (var rule in lifecycle.Notifications)
            {
                CheckRecipients(reader, nodes, rules, lifecycle.Name, rule.To, $"notification on {rule.On} in {lifecycle.Name} v{lifecycle.Version}");
            }
        }

        if (reminders is not null)
        {
            foreach (var ladder in reminders.Ladders.Values)
            {
                foreach (var step in ladder.Steps)
                {
                    CheckRecipients(reader, nodes, rules, ladder.Lifecycle, step.To, $"reminder step {step.Name} of {ladder.Lifecycle}");
                }
            }

            foreach (var receipt in reminders.Receipts.Values)
            {
                if (Domain.Receipts.ReceiptSubjects.KindOf(receipt.Kind) is not { } kind)
                {
                    continue;
                }

                foreach (var step in receipt.Ladder.Steps)
                {
                    CheckRecipients(reader, nodes, rules, kind, step.To, $"receipt step {step.Name} of {receipt.Kind}");
                }
            }
        }

        return rules;
    }

    private static void CheckRecipients(YamlNodeReader reader, Dictionary<string, YamlNode> nodes, VisibilityRules rules, string kind,
        IEnumerable<RecipientSpec> to, string where)
    {
        foreach (var recipient in to)
        {
            if (!rules.Sees(recipient.Role, kind) && nodes.TryGetValue(kind, out var node))
            {
                reader.Fail(node, $"{where} sends '{kind}' to {recipient.Role}, which may not see it; add the role to '{kind}.see' or change the rule");
            }
        }
    }

    private static Dictionary<string, IReadOnlyList<Role>> Groups(YamlNodeReader reader, YamlNode kindNode, string key, string kind, HashSet<string> known, string what)
    {
        var result = new Dictionary<string, IReadOnlyList<Role>>(StringComparer.Ordinal);
        if (YamlNodeReader.Optional(kindNode, key) is not { } node)
        {
            return result;
        }

        foreach (var (k, v) in reader.Mapping(node, $"{kind}.{key}"))
        {
            var name = reader.Scalar(k, what);
            if (!known.Contains(name))
            {
                reader.Fail(k, $"unknown {what} '{name}' of '{kind}'; allowed: {(known.Count == 0 ? "none" : string.Join(", ", known.Order()))}");
            }

            result[name] = reader.Roles(v, $"{kind}.{key}.{name}");
        }

        return result;
    }
}
