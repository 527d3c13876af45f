using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Evidence;
using static Rectification.Integration.Tests.EvidenceTests;

namespace Rectification.Integration.Tests;

/// <summary>
/// Files that would run something on the reader's machine, fetch something when opened, or exhaust the server are refused by
/// what is inside them, whatever they are called, with a ProblemDetails saying why; nothing of them is kept.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class HostileEvidenceTests(DatabaseProvider provider) : HostTest(provider)
{
    private const string ActiveContent = "含有宏、控件、嵌入对象或可执行内容，不能作为佐证材料；请另存为不含宏的文档或 PDF 后上传。";
    private const string ExternalReference = "引用了外部内容（如附加模板、外部链接或链接对象），打开时会从外部获取，不能作为佐证材料。";
    private const string Malformed = "的压缩包结构有误（如重复条目或无法读取的部件），不能作为佐证材料。";
    private const string ActiveMarkup = "是网页或含脚本的标记（HTML、SVG、脚本），浏览器会执行其中内容，不能作为佐证材料；请另存为 PDF 或纯文本。";
    private const string TooLarge = "压缩包条目过多或解压后过大（至多 200 个条目、解压后 4194304 字节）。";
    private const string Hyperlink = OfficeFile.Relationships + "hyperlink";

    [Test]
    public async Task Upload_WhenADocxDeclaresAMacroEnabledTypeForAPartOfAnotherName_IsRefused() =>
        await AssertRefused("整改报告.docx", OfficeFile.Word().WithOverride("/word/settings2.xml", "application/vnd.ms-word.document.macroEnabled.main+xml").Build(),
            "evidence.active-content", ActiveContent);

    [Test]
    public async Task Upload_WhenADocxHoldsAVbaProjectNamedInUpperCase_IsRefused() =>
        await AssertRefused("整改报告.docx", OfficeFile.Word().WithEntry("WORD/VBAPROJECT.BIN", OleBytes()).Build(), "evidence.active-content", ActiveContent);

    [Test]
    public async Task Upload_WhenAVbaProjectRelationshipPointsAtAHarmlessName_IsRefused() =>
        await AssertRefused("整改报告.docx", OfficeFile.Word().WithRelationship(OfficeFile.OfficeRelationships + "vbaProject", "harmless.dat")
            .WithEntry("word/harmless.dat", "Attribute VB_Name = \"ThisDocument\"").Build(), "evidence.active-content", ActiveContent);

    [TestCase("attachedTemplate", "http://attacker.example/template.dotm")]
    [TestCase("attachedTemplate", @"\\attacker.example\share\公文.dotm")]
    [TestCase("externalLinkPath", "file:///C:/台账/2025.xlsx")]
    [TestCase("image", "http://attacker.example/pixel.png")]
    [TestCase("hyperlink", @"\\attacker.example\share\说明.docx")]
    public async Task Upload_WhenADocxReachesOutsideWhenOpened_IsRefusedAsAnExternalReference(string kind, string target) =>
        await AssertRefused("整改报告.docx", OfficeFile.Word().WithRelationship(OfficeFile.Relationships + kind, target, external: true).Build(),
            "evidence.external-reference", ExternalReference);

    [TestCase("an OLE object relationship")]
    [TestCase("an embedded workbook")]
    [TestCase("an .exe entry")]
    [TestCase("MZ bytes under an image's name")]
    [TestCase("an OLE compound file under an XML name")]
    [TestCase("an ActiveX content type")]
    public async Task Upload_WhenADocxEmbedsAnObjectOrAProgram_IsRefused(string what)
    {
        byte[] executable = [(byte)'M', (byte)'Z', 0x90, 0x00, .. "This program cannot be run in DOS mode."u8];
        var word = OfficeFile.Word();
        var file = what switch
        {
            "an OLE object relationship" => word.WithRelationship(OfficeFile.Relationships + "oleObject", "media/object1.dat").WithEntry("word/media/object1.dat", "data"),
            "an embedded workbook" => word.WithEntry("word/embeddings/Microsoft_Excel_Worksheet.xlsx", OfficeFile.Excel().Build()),
            "an .exe entry" => word.WithEntry("word/media/setup.exe", "not even an executable"),
            "MZ bytes under an image's name" => word.WithEntry("word/media/image1.png", executable),
            "an OLE compound file under an XML name" => word.WithEntry("word/theme/theme1.xml", OleBytes()),
            _ => word.WithDefault("ax", "application/vnd.ms-office.activeX+xml"),
        };

        await AssertRefused("整改报告.docx", file.Build(), "evidence.active-content", ActiveContent);
    }

    [TestCase("word/media/image1.png", "word/media/image1.png")]
    [TestCase("word/media/image1.png", @"WORD\Media\IMAGE1.PNG")]
    public async Task Upload_WhenAPackageHoldsTheSameEntryTwice_IsRefusedAsMalformed(string first, string second) =>
        await AssertRefused("整改报告.docx", OfficeFile.Word().WithEntry(first, PngBytes()).WithEntry(second, PngBytes()).Build(), "evidence.package-malformed", Malformed);

    [Test]
    public async Task Upload_WhenAPackageHasMoreEntriesThanTheLimit_IsRefused()
    {
        var file = OfficeFile.Word();
        // The package's own four entries and these make one past the limit of 200.
        for (var i = 0; i < TestHost.EvidenceMaxPackageEntries - 3; i++)
        {
            file.WithEntry($"word/media/image{i}.png", PngBytes());
        }

        await AssertRefused("整改报告.docx", file.Build(), "evidence.package-too-large", TooLarge);
    }

    [TestCase(1, 8 * 1024 * 1024, TestName = "{m}(one entry of 8 MB zeros)")]
    [TestCase(10, 900 * 1024, TestName = "{m}(ten entries of 900 KB zeros)")]
    public async Task Upload_WhenAPackageUnpacksFarBeyondItsSize_IsRefusedAsAZipBomb(int entries, int bytesEach)
    {
        var file = OfficeFile.Word();
        for (var i = 0; i < entries; i++)
        {
            file.WithZeros($"word/media/image{i}.png", bytesEach);
        }

        var bytes = file.Build();
        Assert.That(bytes, Has.Length.LessThan(TestHost.EvidenceMaxFileBytes), "the bomb itself is within the file limit");
        await AssertRefused("整改报告.docx", bytes, "evidence.package-too-large", TooLarge);
    }

    [TestCase("页面.txt", "<!DOCTYPE html>\n<html><body>整改情况</body></html>")]
    [TestCase("页面.htm", "\uFEFF \r\n\t<HTML><p>整改情况</p></HTML>")]
    [TestCase("图表.svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"5\"/></svg>")]
    [TestCase("说明.txt", "第一条：已完成整改。\n<script>fetch('/api/problems')</script>\n")]
    [TestCase("说明.txt", "整改说明 <img src=x onerror=alert(1)>")]
    [TestCase("说明.txt", "详见 <a href=\"JavaScript:alert(1)\">附件</a>")]
    [TestCase("说明.xml", "<?xml version=\"1.0\"?><r><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></r>")]
    public async Task Upload_WhenTextIsMarkupABrowserWouldRun_IsRefused(string name, string text) =>
        await AssertRefused(name, Encoding.UTF8.GetBytes(text), "evidence.active-markup", ActiveMarkup);

    [Test]
    public async Task Upload_WhenScriptStandsDeepInALongText_IsStillRefused()
    {
        // Past the first 64 KB the check reads at once, and cut in two by the boundary.
        var text = new string('a', 65536 - 3) + "<script>alert(1)</script>";
        await AssertRefused("长文.txt", Encoding.UTF8.GetBytes(text), "evidence.active-markup", ActiveMarkup);
    }

    [Test]
    public async Task Upload_WhenRefusedForMacros_SaysWhyInEnglishToo()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        using var response = await Host.ClientFor("b1-liaison", "en").PostAsync($"/api/problems/{problem.Id}/evidence",
            Upload("report.docx", OfficeFile.Word().WithEntry("word/vbaProject.bin", OleBytes()).Build()));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That((response.StatusCode, (string?)body["code"], (string?)body["detail"]), Is.EqualTo((HttpStatusCode.UnsupportedMediaType, (string?)"evidence.active-content",
            (string?)"The file \"report.docx\" contains macros, controls, embedded objects or executable content and cannot be evidence; save it as a macro-free document or a PDF and upload that.")));
    }

    [Test]
    public async Task Upload_OfOrdinaryDocumentsAndText_IsStillAccepted()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var client = Host.ClientFor("b1-liaison");
        var cases = new (string Name, byte[] Bytes, string Type)[]
        {
            ("带链接.docx", OfficeFile.Word().WithRelationship(Hyperlink, "https://www.ccdi.gov.cn/", external: true)
                .WithRelationship(Hyperlink, "mailto:jiwei@example.gov.cn", external: true).Build(), EvidenceContent.Docx),
            ("用公文模板.docx", OfficeFile.Word().WithRelationship(OfficeFile.Relationships + "attachedTemplate",
                "file:///C:\\Users\\办公室\\AppData\\Roaming\\Microsoft\\Templates\\公文.dotx", external: true).Build(), EvidenceContent.Docx),
            ("带打印设置.xlsx", OfficeFile.Excel().WithOverride("/xl/printerSettings/printerSettings1.bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings")
                .WithEntry("xl/printerSettings/printerSettings1.bin", new byte[256]).Build(), EvidenceContent.Xlsx),
            ("说明.txt", Encoding.UTF8.GetBytes("整改说明\n一、<附件1>已上报；二、完成率 a < b 时须说明；三、见 www.ccdi.gov.cn。\n"), EvidenceContent.Text),
        };

        foreach (var (name, bytes, type) in cases)
        {
            var file = await UploadAsync(client, problem.Id, name, bytes);
            Assert.That((file.FileName, file.ContentType), Is.EqualTo((name, type)));
        }
    }

    private async Task AssertRefused(string name, byte[] bytes, string code, string reason)
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var before = StoredFiles();

        using var response = await Host.ClientFor("b1-liaison").PostAsync($"/api/problems/{problem.Id}/evidence", Upload(name, bytes));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((response.StatusCode, response.Content.Headers.ContentType?.MediaType), Is.EqualTo((HttpStatusCode.UnsupportedMediaType, "application/problem+json")));
            Assert.That((string?)body["code"], Is.EqualTo(code));
            Assert.That((string?)body["detail"], Is.EqualTo($"文件“{name}”{reason}"));
            Assert.That(await Host.Query(db => db.EvidenceFiles.CountAsync(f => f.ProblemId == problem.Id)), Is.Zero, "no row");
            Assert.That(StoredFiles(), Is.EqualTo(before), "no file kept, in .incoming/ or anywhere in the folder");
        }
    }

    private string[] StoredFiles() => Directory.Exists(Host.EvidenceFolder)
        ? [.. Directory.EnumerateFiles(Host.EvidenceFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
        : [];

    private static byte[] OleBytes() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    private static byte[] PngBytes() => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00];
}
