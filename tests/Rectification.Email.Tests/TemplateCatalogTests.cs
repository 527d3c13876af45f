using System.Text.RegularExpressions;
using Rectification.Email.Tests.Support;
using Rectification.Infrastructure.Email;

namespace Rectification.Email.Tests;

public sealed partial class TemplateCatalogTests
{
    private static readonly string[] Languages = ["zh-CN", "en"];

    private string folder = "";

    [SetUp]
    public void CopyTemplates()
    {
        folder = Path.Combine(Path.GetTempPath(), "rectification-email-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Repo.TemplatesFolder))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    [TearDown]
    public void DeleteCopy() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Templates_WhenTheWorkflowFilesReferenceThem_ExistInBothLanguages()
    {
        var referenced = Directory.GetFiles(Repo.WorkflowsFolder, "*.yaml")
            .SelectMany(f => TemplateKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.TrimEnd(',', '}', ']')))
            .Distinct()
            .ToList();

        Assert.That(referenced, Is.SupersetOf(new[]
        {
            "inspection-fed-back", "problem-closed", "plan-returned", "plan-accepted", "problem-reopened", "problem-review-rejected",
            "plan-submitted", "clue-handed-over", "clue-concluded", "problem-fed-back",
        }));
        var expected = referenced.SelectMany(name => Languages.SelectMany(language => new[] { $"{name}.{language}.txt", $"{name}.{language}.html" }));
        Assert.That(Directory.GetFiles(Repo.TemplatesFolder).Select(Path.GetFileName), Is.SupersetOf(expected));
    }

    [Test]
    public void Load_WhenTheRepositoryTemplatesAreRead_AcceptsEveryFileAndCoversTheWorkflows()
    {
        var catalog = TemplateCatalog.Load(Repo.TemplatesFolder, TemplateReferences.InFolder(Repo.WorkflowsFolder));

        Assert.That(catalog.Names, Is.SupersetOf(TemplateReferences.InFolder(Repo.WorkflowsFolder)));
        Assert.That(TemplateReferences.InFolder(Repo.WorkflowsFolder), Does.Contain("clue-handed-over").And.Contain("problem-closed"));
    }

    [Test]
    public void Load_WhenTheSubjectLineIsMissing_NamesTheFileAndLine()
    {
        var file = Path.Combine(folder, "problem-closed.en.txt");
        File.WriteAllLines(file, File.ReadAllLines(file).Skip(1));

        var error = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(folder));

        Assert.That(error!.Message, Does.Contain("problem-closed.en.txt(1)").And.Contain("Subject:"));
        Assert.That(error.File, Is.EqualTo(file));
    }

    [Test]
    public void Load_WhenAPlaceholderIsUnknown_NamesTheFileAndLine()
    {
        var file = Path.Combine(folder, "plan-accepted.zh-CN.html");
        var lines = File.ReadAllLines(file).ToList();
        lines.Insert(3, "<p>{unitNmae}</p>");
        File.WriteAllLines(file, lines);

        var error = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(folder));

        Assert.That(error!.Message, Does.Contain("plan-accepted.zh-CN.html(4)").And.Contain("{unitNmae}"));
    }

    [Test]
    public void Load_WhenTheHtmlBodyIsMissing_NamesTheMissingFile()
    {
        File.Delete(Path.Combine(folder, "clue-concluded.en.html"));

        var error = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(folder));

        Assert.That(error!.Message, Does.Contain("clue-concluded.en.html").And.Contain("missing"));
    }

    [Test]
    public void Load_WhenAWorkflowTemplateHasNoFileAtAll_NamesTheExpectedFile()
    {
        foreach (var file in Directory.GetFiles(folder, "plan-returned.*"))
        {
            File.Delete(file);
        }

        var error = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(folder, TemplateReferences.InFolder(Repo.WorkflowsFolder)));

        Assert.That(error!.Message, Does.Contain("plan-returned.zh-CN.txt").And.Contain("missing"));
    }

    [Test]
    public void Load_WhenOnlyAnotherLanguageExists_NamesTheMissingZhCnFile()
    {
        File.Delete(Path.Combine(folder, "problem-reopened.zh-CN.txt"));
        File.Delete(Path.Combine(folder, "problem-reopened.zh-CN.html"));

        var error = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(folder));

        Assert.That(error!.Message, Does.Contain("problem-reopened.zh-CN.txt"));
    }

    [Test]
    public void Load_WhenAFileIsNamedWithoutALanguage_NamesTheFile()
    {
        File.WriteAllText(Path.Combine(folder, "problem-closed.txt"), "Subject: x\n\nbody\n");

        var error = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(folder));

        Assert.That(error!.Message, Does.Contain("problem-closed.txt").And.Contain("NAME.LANGUAGE.txt"));
    }

    [Test]
    public void Find_WhenTheLanguageHasNoTemplate_FallsBackToZhCn()
    {
        File.Delete(Path.Combine(folder, "plan-submitted.en.txt"));
        File.Delete(Path.Combine(folder, "plan-submitted.en.html"));
        var catalog = TemplateCatalog.Load(folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.Find("plan-submitted", "en").Language, Is.EqualTo("zh-CN"));
            Assert.That(catalog.Find("plan-accepted", "en-GB").Language, Is.EqualTo("en"));
            Assert.That(catalog.Find("plan-accepted", "fr").Language, Is.EqualTo("zh-CN"));
        }
    }

    [Test]
    public void Render_WhenValuesHoldMarkup_EncodesThemInHtmlOnly()
    {
        var template = new MailTemplate("t", "zh-CN", "{unitName}  {copyTag}", "单位：{unitName}\n", "<p>{unitName}</p>");

        var mail = template.Render(new Dictionary<string, string> { ["unitName"] = "<b>\"财政局\" & 审计</b>", ["copyTag"] = "" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mail.Subject, Is.EqualTo("<b>\"财政局\" & 审计</b>"));
            Assert.That(mail.Text, Is.EqualTo("单位：<b>\"财政局\" & 审计</b>\n"));
            Assert.That(mail.Html, Is.EqualTo("<p>&lt;b&gt;&quot;财政局&quot; &amp; 审计&lt;/b&gt;</p>"));
        }
    }

    [GeneratedRegex(@"template: (\S+)")]
    private static partial Regex TemplateKey();
}
