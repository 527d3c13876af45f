using System.Diagnostics;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rectification.Infrastructure.Lifecycles;

/// <summary>Reads typed values from a YAML node tree; every complaint carries the file and the line of the node it is about.</summary>
internal sealed class YamlNodeReader(string file)
{
    public static YamlNode? Optional(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public YamlMappingNode Load(string text)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new LifecycleFileException(file, e.Start.Line, e.InnerException?.Message ?? e.Message);
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new LifecycleFileException(file, 1, "the file must hold one mapping");
        }

        return root;
    }

    public void Fail(YamlNode node, string problem) => throw new LifecycleFileException(file, node.Start.Line, problem);

    public YamlNode Required(YamlNode node, string key)
    {
        if (node is not YamlMappingNode m)
        {
            Fail(node, $"expected a mapping with '{key}'");
            throw new UnreachableException();
        }

        return m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : throw new LifecycleFileException(file, node.Start.Line, $"'{key}' is required here");
    }

    public string Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Fail(node, $"{what} must be a non-empty value");
        throw new UnreachableException();
    }

    public int Int(YamlNode node, string what, int min)
    {
        var text = Scalar(node, what);
        if (!int.TryParse(text, out var value) || value < min)
        {
            Fail(node, $"{what} must be a whole number of at least {min}, not '{text}'");
        }

        return value;
    }

    public bool Bool(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (!bool.TryParse(text, out var value))
        {
            Fail(node, $"{what} must be true or false, not '{text}'");
        }

        return value;
    }

    public TEnum Enum<TEnum>(YamlNode node, string what, bool ignoreCase = false) where TEnum : struct, Enum
    {
        var text = Scalar(node, what);
        // Only a single name: Enum.TryParse would also take "A, B" (combined flags) or a number.
        var name = System.Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
        var value = name is null ? default : System.Enum.Parse<TEnum>(name);
        if (name is null)
        {
            Fail(node, $"unknown {what} '{text}'; allowed: {string.Join(", ", System.Enum.GetNames<TEnum>())}");
        }

        return value;
    }

    public DurationSpec Duration(YamlNode node)
    {
        var text = Scalar(node, "duration");
        var working = text.EndsWith("wd", StringComparison.Ordinal);
        var number = working ? text[..^2] : text.EndsWith('d') ? text[..^1] : null;
        var days = 0;
        if (number is null || !int.TryParse(number, out days) || days < 0)
        {
            Fail(node, $"duration '{text}' must be a number of days followed by 'd' (calendar days) or 'wd' (working days), e.g. 30d or 15wd");
        }

        return new DurationSpec(days, working);
    }

    public RecipientSpec Recipient(YamlNode node)
    {
        var role = Enum<Role>(Required(node, "role"), "role");
        var scope = Optional(node, "scope") is { } s ? Enum<RecipientScope>(s, "scope", ignoreCase: true) : RecipientScope.Unit;
        var copy = Optional(node, "copy") is { } c && Bool(c, "copy");
        return new RecipientSpec(role, scope, copy);
    }

    public DateOnly Date(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
        {
            Fail(node, $"{what} '{text}' must be a date written yyyy-MM-dd");
        }

        return date;
    }

    public IReadOnlyList<Role> Roles(YamlNode node, string what)
    {
        var roles = Sequence(node, what).Select(r => Enum<Role>(r, "role")).ToList();
        if (roles.Count == 0)
        {
            Fail(node, $"{what} must name at least one role");
        }

        return roles;
    }

    public IEnumerable<YamlNode> Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode s)
        {
            return s.Children;
        }

        Fail(node, $"{what} must be a list");
        throw new UnreachableException();
    }

    public IEnumerable<(YamlNode Key, YamlNode Value)> Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode m)
        {
            return m.Children.Select(kv => (kv.Key, kv.Value));
        }

        Fail(node, $"{what} must be a mapping");
        throw new UnreachableException();
    }
}
