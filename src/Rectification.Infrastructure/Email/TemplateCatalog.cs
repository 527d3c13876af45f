using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Rectification.Infrastructure.Email;

/// <summary>A template file that cannot be used, named so that whoever edits the folder can fix it.</summary>
public sealed class TemplateException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file}({line}): {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}

/// <summary>What a recipient receives: subject, plain text and HTML, in one language.</summary>
public sealed record RenderedMail(string Subject, string Text, string Html, string Language);

/// <summary>One template in one language, read from <c>NAME.LANGUAGE.txt</c> (subject line, then body) and <c>NAME.LANGUAGE.html</c>.</summary>
public sealed partial record MailTemplate(string Name, string Language, string Subject, string Text, string Html)
{
    public RenderedMail Render(IReadOnlyDictionary<string, string> model) => new(
        // A header is one line; an empty value must not leave a double space in it either.
        Whitespace().Replace(Substitute(Subject, model, encode: false), " ").Trim(),
        Substitute(Text, model, encode: false),
        Substitute(Html, model, encode: true),
        Language);

    /// <summary>Every <c>{name}</c> in a text, with its line, so that a file can be checked against the names a model provides.</summary>
    internal static IEnumerable<(string Name, int Line)> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => (m.Groups[1].Value, text.AsSpan(0, m.Index).Count('\n') + 1));

    private static string Substitute(string text, IReadOnlyDictionary<string, string> model, bool encode) =>
        Placeholder().Replace(text, m =>
        {
            var value = model.TryGetValue(m.Groups[1].Value, out var v) ? v : "";
            return encode ? WebUtility.HtmlEncode(value) : value;
        });

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Only {identifier} is a placeholder, so braces in CSS or prose stay as written.
    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>
/// The mail templates of a folder (<c>workflows/templates/</c>), read and checked once at start-up: a locality edits
/// the wording without touching code, and a mistake stops start-up naming the file rather than failing a mail later.
/// zh-CN is the default and the fallback: every template has it; other languages are optional.
/// </summary>
public sealed partial class TemplateCatalog
{
    public const string DefaultLanguage = "zh-CN";
    private const string SubjectPrefix = "Subject:";

    private readonly Dictionary<(string Name, string Language), MailTemplate> templates;

    private TemplateCatalog(string folder, Dictionary<(string, string), MailTemplate> templates)
    {
        Folder = folder;
        this.templates = templates;
    }

    public string Folder { get; }

    public IReadOnlyCollection<string> Names => templates.Keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Reads and checks every template of <paramref name="folder"/>; <paramref name="required"/> names the templates
    /// the lifecycles use, each of which must exist. Throws <see cref="TemplateException"/> naming the first bad or missing file.
    /// </summary>
    public static TemplateCatalog Load(string folder, IEnumerable<string>? required = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new TemplateException(folder, 0, "the mail templates folder does not exist");
        }

        var files = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var pairs = new Dictionary<(string Name, string Language), (string? Text, string? Html)>();
        foreach (var file in files)
        {
            var match = FileName().Match(Path.GetFileName(file));
            if (!match.Success)
            {
                throw new TemplateException(file, 0, "a template file is named NAME.LANGUAGE.txt or NAME.LANGUAGE.html, e.g. problem-closed.zh-CN.txt");
            }

            var key = (match.Groups["name"].Value, match.Groups["language"].Value);
            var (text, html) = pairs.GetValueOrDefault(key);
            pairs[key] = match.Groups["extension"].Value == "txt" ? (file, html) : (text, file);
        }

        var loaded = new Dictionary<(string, string), MailTemplate>();
        foreach (var ((name, language), (text, html)) in pairs.OrderBy(p => p.Key.Name, StringComparer.Ordinal).ThenBy(p => p.Key.Language, StringComparer.Ordinal))
        {
            var textFile = text ?? throw new TemplateException(Path.Combine(folder, $"{name}.{language}.txt"), 0,
                $"missing: the HTML body {name}.{language}.html needs its subject and plain-text body here");
            var htmlFile = html ?? throw new TemplateException(Path.Combine(folder, $"{name}.{language}.html"), 0,
                $"missing: {name}.{language}.txt needs its HTML body here");
            loaded[(name, language)] = Read(name, language, textFile, htmlFile);
        }

        var names = pairs.Keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !pairs.ContainsKey((n, DefaultLanguage))))
        {
            throw new TemplateException(Path.Combine(folder, $"{name}.{DefaultLanguage}.txt"), 0,
                $"missing: every template needs its {DefaultLanguage} version, the fallback for every other language");
        }

        foreach (var name in (required ?? []).Distinct(StringComparer.Ordinal).Where(n => !names.Contains(n)))
        {
            throw new TemplateException(Path.Combine(folder, $"{name}.{DefaultLanguage}.txt"), 0,
                $"missing: the template '{name}' is used by a lifecycle notification but has no file");
        }

        return new TemplateCatalog(folder, loaded);
    }

    public bool Contains(string name) => templates.ContainsKey((name, DefaultLanguage));

    /// <summary>The template in the recipient's language, else in its base language (en for en-GB), else in zh-CN.</summary>
    public MailTemplate Find(string name, string language)
    {
        if (templates.TryGetValue((name, language), out var exact))
        {
            return exact;
        }

        var primary = language.Split('-')[0];
        var sameLanguage = templates.Values.FirstOrDefault(t => t.Name == name && t.Language.Split('-')[0].Equals(primary, StringComparison.OrdinalIgnoreCase));
        return sameLanguage ?? (templates.TryGetValue((name, DefaultLanguage), out var fallback)
            ? fallback
            : throw new TemplateException(Path.Combine(Folder, $"{name}.{DefaultLanguage}.txt"), 0, $"no template '{name}'"));
    }

    private static MailTemplate Read(string name, string language, string textFile, string htmlFile)
    {
        var lines = File.ReadAllText(textFile, Encoding.UTF8).TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (!lines[0].StartsWith(SubjectPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new TemplateException(textFile, 1, $"the first line must be '{SubjectPrefix} …'");
        }

        var subject = lines[0][SubjectPrefix.Length..].Trim();
        if (subject.Length == 0)
        {
            throw new TemplateException(textFile, 1, "the subject is empty");
        }

        // The body starts after the subject line and the blank line that conventionally follows it.
        var bodyStart = lines.Length > 1 && lines[1].Trim().Length == 0 ? 2 : 1;
        var text = string.Join('\n', lines.Skip(bodyStart)).TrimEnd() + "\n";
        var html = File.ReadAllText(htmlFile, Encoding.UTF8).TrimStart('\uFEFF').ReplaceLineEndings("\n");
        if (text.Trim().Length == 0)
        {
            throw new TemplateException(textFile, 2, "the plain-text body is empty");
        }

        if (html.Trim().Length == 0)
        {
            throw new TemplateException(htmlFile, 1, "the HTML body is empty");
        }

        CheckPlaceholders(textFile, lines[0], 0);
        CheckPlaceholders(textFile, text, bodyStart);
        CheckPlaceholders(htmlFile, html, 0);
        return new MailTemplate(name, language, subject, text, html);
    }

    private static void CheckPlaceholders(string file, string text, int lineOffset)
    {
        foreach (var (placeholder, line) in MailTemplate.Placeholders(text))
        {
            if (!NotificationModel.Keys.Contains(placeholder))
            {
                throw new TemplateException(file, line + lineOffset,
                    $"unknown placeholder {{{placeholder}}}; known: {string.Join(", ", NotificationModel.Keys.Order(StringComparer.Ordinal).Select(k => $"{{{k}}}"))}");
            }
        }
    }

    [GeneratedRegex(@"^(?<name>[a-z0-9][a-z0-9-]*)\.(?<language>[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)\.(?<extension>txt|html)$")]
    private static partial Regex FileName();
}
