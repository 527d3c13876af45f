using System.Globalization;
using System.Text.RegularExpressions;
using Rectification.Application.Localization;
using Rectification.Domain.Tests.Support;

namespace Rectification.Domain.Tests;

/// <summary>Every error code the code base raises reaches the user in Simplified Chinese and in English.</summary>
public sealed partial class MessageCatalogTests
{
    [Test]
    public void Catalog_ForEveryErrorCodeRaisedInSource_HasChineseAndEnglishText()
    {
        var raised = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RaisedCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .Distinct()
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raised, Has.Count.GreaterThan(15), "the scan finds the codes");
            foreach (var code in raised)
            {
                Assert.That(Messages.Catalog.ContainsKey(code), Is.True, $"no text for error code '{code}'");
            }

            foreach (var (code, (zh, en)) in Messages.Catalog)
            {
                Assert.That(zh, Does.Match(@"\p{IsCJKUnifiedIdeographs}"), $"{code}: the zh-CN text is Chinese");
                Assert.That(en, Does.Not.Match(@"\p{IsCJKUnifiedIdeographs}"), $"{code}: the English text is English");
            }
        }
    }

    [Test]
    public void Format_WhenArgumentsAreGiven_FillsThePlaceholdersInTheRequestedLanguage()
    {
        var args = new Dictionary<string, object?> { ["lifecycle"] = "problem", ["state"] = "Rectifying", ["trigger"] = "Close", ["allowed"] = "ReportProgress" };

        var zh = Messages.Format("transition.not-allowed", args, new CultureInfo("zh-CN"));
        var en = Messages.Format("transition.not-allowed", args, new CultureInfo("en"));

        Assert.That(zh, Is.EqualTo("problem当前状态为“Rectifying”，不能执行“Close”；此状态下可执行：ReportProgress。"));
        Assert.That(en, Is.EqualTo("The problem is in state Rectifying, where Close is not allowed; allowed here: ReportProgress."));
    }

    [GeneratedRegex(@"Error\.(?:Rule|Conflict|Forbidden|Transition)\(\s*""(?<code>[a-z][a-z.-]+)""|new Error\(ErrorKind\.\w+,\s*""(?<code>[a-z][a-z.-]+)""|""(?<code>(?:transition|concurrency|authorization|notification)\.[a-z-]+)""")]
    private static partial Regex RaisedCode();
}
