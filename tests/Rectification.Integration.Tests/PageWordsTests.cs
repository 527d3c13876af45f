using System.Text.RegularExpressions;
using Rectification.Web.Pages;

namespace Rectification.Integration.Tests;

/// <summary>
/// Every word a page asks for by its key exists (each entry holds both languages): a missing key would show the reader the key itself
/// ("admin-title"), which no browser test looks for on every page.
/// </summary>
public sealed partial class PageWordsTests
{
    [GeneratedRegex("""UiText\.T2?\("([a-z0-9-]+)"[,)]""")]
    private static partial Regex KeyUse();

    [Test]
    public void EveryKeyAPageUses_HasItsWordsInChineseAndEnglish()
    {
        var pages = Path.Combine(Support.Repository.Root(), "src", "Rectification.Web", "Pages");
        var used = Directory.EnumerateFiles(pages, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Distinct()
            .ToList();
        var missing = used.Where(u => !UiText.Has(u.Key)).Select(u => $"{u.File}: {u.Key}").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(used, Has.Count.GreaterThan(300), "the pages' keys were found");
            Assert.That(missing, Is.Empty);
        }
    }
}
