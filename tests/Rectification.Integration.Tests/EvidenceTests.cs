using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Problems;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Evidence;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Rectification.Integration.Tests;

/// <summary>Evidence uploads through the real host: checked by content, stored outside the web root under a generated name, read back only in scope.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class EvidenceTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Upload_WhenAPdf_IsStoredOutsideTheWebRootUnderAGeneratedNameWithItsHash_AndAudited()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var bytes = PdfBytes(7);

        using var response = await Host.ClientFor("b1-liaison").PostAsync($"/api/problems/{problem.Id}/evidence", Upload("整改报告（第一批）.pdf", bytes));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var id = (Guid)body["id"]!;
        var row = await Host.Query(db => db.EvidenceFiles.SingleAsync(f => f.Id == id));
        var storage = Host.Services.GetRequiredService<EvidenceStorage>();
        var path = storage.PathOf(row.StoredName);
        var environment = Host.Services.GetRequiredService<IWebHostEnvironment>();
        var audit = await Host.Query(db => db.AuditEntries.Where(a => a.EntityId == id).ToListAsync());
        var trail = Ok(await Host.Send<IReadOnlyList<AuditEntryDto>>("b1-leader", new GetAuditTrail(Application.Messaging.TargetKind.Problem, problem.Id)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/evidence/{id}"));
            Assert.That((string?)body["sha256"], Is.EqualTo(Sha256(bytes)));
            Assert.That((string?)body["contentType"], Is.EqualTo("application/pdf"));
            Assert.That((string?)body["fileName"], Is.EqualTo("整改报告（第一批）.pdf"));
            Assert.That((row.ProblemId, row.UnitId, row.Length, row.Sha256), Is.EqualTo((problem.Id, Org.Bureau.Id, (long)bytes.Length, Sha256(bytes))));
            Assert.That(File.Exists(path), Is.True, path);
            Assert.That(Sha256(await File.ReadAllBytesAsync(path)), Is.EqualTo(Sha256(bytes)), "the stored bytes are the uploaded ones");
            Assert.That(Path.GetFileName(path), Is.EqualTo(id.ToString("N")), "stored under a generated name, not the uploader's");
            Assert.That(path, Does.StartWith(Host.EvidenceFolder));
            Assert.That(IsUnder(path, environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot")), Is.False, "outside the web root");
            Assert.That(IsUnder(path, environment.ContentRootPath), Is.False, "not even beside the application in tests");
            Assert.That(audit.Select(a => (a.EntityType, a.Command, a.UserName)), Is.EqualTo(new[] { ("EvidenceFile", nameof(RecordEvidenceFile), "b1-liaison") }));
            Assert.That(audit[0].Payload, Does.Contain(Sha256(bytes)));
            Assert.That(trail.Select(a => a.EntityId), Does.Contain(id), "the upload shows in the problem's audit trail");
        }
    }

    [Test]
    public async Task Download_InScope_GivesTheBytesWithTheOriginalName_AndAnotherUnitsFileAnswersLikeAMissingOne()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var bytes = Encoding.UTF8.GetBytes("整改台账说明\r\n第一条：已完成。\n");
        var file = await UploadAsync(Host.ClientFor("b1-liaison"), problem.Id, "说明 \"v2\".txt", bytes);

        using var own = await Host.ClientFor("b1-leader").GetAsync($"/api/evidence/{file.Id}");
        using var parent = await Host.ClientFor("d1-discipline").GetAsync($"/api/evidence/{file.Id}");
        using var other = await Host.ClientFor("h1-liaison").GetAsync($"/api/evidence/{file.Id}");
        using var missing = await Host.ClientFor("h1-liaison").GetAsync($"/api/evidence/{Guid.NewGuid()}");
        var otherBody = JsonNode.Parse(await other.Content.ReadAsStringAsync())!;
        var missingBody = JsonNode.Parse(await missing.Content.ReadAsStringAsync())!;
        using var otherList = await Host.ClientFor("h1-liaison").GetAsync($"/api/problems/{problem.Id}/evidence");
        var list = await Host.ClientFor("b1-leader").GetFromJsonAsync<List<EvidenceFileDto>>($"/api/problems/{problem.Id}/evidence");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await own.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
            Assert.That(own.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(own.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(own.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("说明 _v2_.txt"), "the sanitized original name, UTF-8 encoded");
            Assert.That(own.Content.Headers.ContentDisposition?.FileName, Does.Not.Contain("说明"), "the plain filename parameter stays ASCII");
            Assert.That(own.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(parent.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a district sees its units' files");
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((missing.StatusCode, (string?)missingBody["code"], (string?)missingBody["entity"]),
                Is.EqualTo((other.StatusCode, (string?)otherBody["code"], (string?)otherBody["entity"])), "another unit's file answers exactly like a missing one");
            Assert.That(otherBody.AsObject().Select(p => p.Key).Where(k => k is not ("id" or "traceId")),
                Is.EqualTo(missingBody.AsObject().Select(p => p.Key).Where(k => k is not ("id" or "traceId"))));
            Assert.That(otherList.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(list!.Select(f => (f.Id, f.Sha256)), Is.EqualTo(new[] { (file.Id, Sha256(bytes)) }));
        }
    }

    [Test]
    public async Task Upload_WhenTheContentIsNotAnAllowedType_IsRefusedWhateverTheName_AndNothingIsKept()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var client = Host.ClientFor("b1-liaison");
        byte[] executable = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.")];
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02, 0x01, 0x01, 0x00, 0x00, 0x00];
        var cases = new (string Name, byte[] Bytes)[]
        {
            ("整改报告.pdf", executable),
            ("photo.png", elf),
            ("notes.txt", [.. "text with a NUL "u8, 0x00, .. "inside"u8]),
            ("台账.docx", Zip(("readme.txt", "not a document"))),
            ("empty.pdf", []),
        };

        var answers = new List<(string Name, HttpStatusCode Status, string? Code)>();
        foreach (var (name, bytes) in cases)
        {
            using var response = await client.PostAsync($"/api/problems/{problem.Id}/evidence", Upload(name, bytes));
            answers.Add((name, response.StatusCode, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"]));
        }

        var rows = await Host.Query(db => db.EvidenceFiles.CountAsync(f => f.ProblemId == problem.Id));
        Assert.That(answers, Is.EqualTo(cases.Select(c => (c.Name, HttpStatusCode.UnsupportedMediaType, (string?)"evidence.type-not-allowed"))));
        Assert.That(rows, Is.Zero);
        var incoming = Path.Combine(Host.EvidenceFolder, ".incoming");
        Assert.That(Directory.Exists(incoming) ? Directory.EnumerateFiles(incoming) : [], Is.Empty, "no refused file is left behind");
    }

    [Test]
    public async Task Upload_OfEveryAllowedType_IsRecognizedByContent()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var client = Host.ClientFor("b1-leader");
        var cases = new (string Name, byte[] Bytes, string Type)[]
        {
            ("scan.bin", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "image/jpeg"),
            ("截图", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "image/png"),
            ("报告.docx", WordFile("整改报告正文"), EvidenceContent.Docx),
            ("台账.xlsx", OfficeFile.Excel().Build(), EvidenceContent.Xlsx),
            ("说明.txt", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("已整改。\tOK\r\n")).ToArray(), EvidenceContent.Text),
        };

        foreach (var (name, bytes, type) in cases)
        {
            var file = await UploadAsync(client, problem.Id, name, bytes);
            Assert.That((file.FileName, file.ContentType, file.Sha256), Is.EqualTo((name, type, Sha256(bytes))));
        }
    }

    [Test]
    public async Task Upload_WhenTooLarge_IsRefusedWith413_BeforeAnythingIsStored()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var client = Host.ClientFor("b1-liaison");
        var justOver = PdfBytes(1, (int)TestHost.EvidenceMaxFileBytes + 1);
        var farOver = PdfBytes(1, (int)TestHost.EvidenceMaxFileBytes * 2);

        using var over = await client.PostAsync($"/api/problems/{problem.Id}/evidence", Upload("大文件.pdf", justOver));
        using var far = await client.PostAsync($"/api/problems/{problem.Id}/evidence", Upload("大文件.pdf", farOver));
        var exact = await UploadAsync(client, problem.Id, "正好.pdf", PdfBytes(1, (int)TestHost.EvidenceMaxFileBytes));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((over.StatusCode, (string?)JsonNode.Parse(await over.Content.ReadAsStringAsync())!["code"]),
                Is.EqualTo((HttpStatusCode.RequestEntityTooLarge, (string?)"evidence.too-large")));
            Assert.That(far.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), "a request past the upload's own limit is cut by the host");
            Assert.That(exact.Length, Is.EqualTo(TestHost.EvidenceMaxFileBytes), "a file of exactly the limit is accepted");
            Assert.That(await Host.Query(db => db.EvidenceFiles.CountAsync(f => f.ProblemId == problem.Id)), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Upload_WhoseRowIsNotCommitted_LeavesNoStoredFileBehind()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var before = StoredFiles();

        // The file is kept under its id before its row is saved; a fault between the save and the commit must take it away again.
        Host.Faults.FailBeforeCommitAfter(0);
        var fault = await TryUpload();
        Host.Faults.FailBeforeCommitAfter(-1);
        var stored = Ok(await Host.Send<EvidenceFileDto>("b1-liaison", new RecordEvidenceFile(problem.Id, new Support.TestUpload("佐证材料.pdf", PdfBytes(9)))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fault, Does.StartWith("Injected fault"));
            Assert.That(StoredFiles(), Is.EqualTo(before.Append(Host.Services.GetRequiredService<EvidenceStorage>().PathOf(Domain.Problems.EvidenceFile.StoredNameFor(stored.Id)))
                .Order(StringComparer.Ordinal)), "only the committed upload's file is kept");
            Assert.That(await Host.Query(db => db.EvidenceFiles.CountAsync(f => f.ProblemId == problem.Id)), Is.EqualTo(1));
        }

        async Task<string?> TryUpload()
        {
            try
            {
                await Host.Send<EvidenceFileDto>("b1-liaison", new RecordEvidenceFile(problem.Id, new Support.TestUpload("佐证材料.pdf", PdfBytes(8))));
                return null;
            }
            catch (IOException e)
            {
                return e.Message;
            }
        }
    }

    [TestCase("../../etc/passwd.txt")]
    [TestCase("..\\..\\windows\\win.ini.txt")]
    [TestCase("/etc/cron.d/evil.txt")]
    [TestCase("C:evil.txt")]
    [TestCase("..")]
    [TestCase("\u202E\u200B")]
    public async Task Upload_WhenTheNameIsAPathOrEmpty_IsRefused(string name)
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        using var response = await Host.ClientFor("b1-liaison").PostAsync($"/api/problems/{problem.Id}/evidence", Upload(name, "plain text"u8.ToArray()));

        Assert.That((response.StatusCode, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]),
            Is.EqualTo((HttpStatusCode.BadRequest, (string?)"evidence.name-invalid")));
        Assert.That(await Host.Query(db => db.EvidenceFiles.CountAsync(f => f.ProblemId == problem.Id)), Is.Zero);
    }

    [TestCase("报告\u202Efdp.exe.pdf", "报告fdp.exe.pdf")]
    [TestCase("a<b>c:d|e?.pdf", "a_b_c_d_e_.pdf")]
    [TestCase("CON.pdf", "_CON.pdf")]
    [TestCase("trailing. . ", "trailing")]
    public void FileName_WhenOddButNotAPath_IsSanitized(string given, string expected) =>
        Assert.That(EvidenceFileName.Sanitize(given), Is.EqualTo(expected));

    [Test]
    public async Task Upload_WhenNotMultipartOrWithoutAFile_IsRefusedAsAProblemDetails()
    {
        var problem = (await InRectification(Org.Bureau)).Problems[0];
        var client = Host.ClientFor("b1-liaison");
        using var json = await client.PostAsJsonAsync($"/api/problems/{problem.Id}/evidence", new { fileName = "x.pdf" });
        var fieldOnly = new MultipartFormDataContent { { new StringContent("not a file"), "file" } };
        using var noFile = await client.PostAsync($"/api/problems/{problem.Id}/evidence", fieldOnly);
        var broken = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 truncated"u8.ToArray());
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        using var truncated = await client.PostAsync($"/api/problems/{problem.Id}/evidence", broken);
        var two = Upload("一.pdf", PdfBytes(1));
        var second = new ByteArrayContent(PdfBytes(2));
        second.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"two.pdf\"");
        two.Add(second);
        using var twoFiles = await client.PostAsync($"/api/problems/{problem.Id}/evidence", two);
        var incoming = Path.Combine(Host.EvidenceFolder, ".incoming");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((json.StatusCode, json.Content.Headers.ContentType?.MediaType), Is.EqualTo((HttpStatusCode.UnsupportedMediaType, "application/problem+json")));
            Assert.That(noFile.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(truncated.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(twoFiles.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "one file per upload");
            Assert.That(Directory.Exists(incoming) ? Directory.EnumerateFiles(incoming) : [], Is.Empty, "nothing half-received is left behind");
            Assert.That(await Host.Query(db => db.EvidenceFiles.CountAsync(f => f.ProblemId == problem.Id)), Is.Zero);
        }
    }

    [Test]
    public async Task ProgressReport_CitingAnUploadedFile_CarriesItsRealHashIntoTheWriteOffRecord()
    {
        var problems = (await InRectification(Org.Bureau, count: 2)).Problems;
        var problem = problems[0];
        var bytes = PdfBytes(42);
        var file = await UploadAsync(Host.ClientFor("b1-liaison"), problem.Id, "销号佐证.pdf", bytes);
        var foreign = await UploadAsync(Host.ClientFor("b1-liaison"), problems[1].Id, "另一问题.pdf", PdfBytes(43));

        var wrongProblem = await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problem.Id, "已完成", 100, null, [new EvidenceInput(null, null, foreign.Id)]));
        var both = await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problem.Id, "已完成", 100, null, [new EvidenceInput("x.pdf", new string('a', 64), file.Id)]));
        using var viaHttp = await Host.ClientFor("b1-liaison").PostAsJsonAsync($"/api/problems/{problem.Id}/progress",
            new { text = "已完成全部整改", percent = 100, evidence = new object[] { new { fileId = file.Id }, new { fileName = "会议纪要（纸质存档）", sha256 = new string('b', 64) } } });
        Ok(await Host.Send<ProblemSummary>("b1-liaison", new SubmitForReview(problem.Id)));
        foreach (var party in new[] { "b1-leader", "discipline", "organization" })
        {
            Ok(await Host.Send<ProblemSummary>(party, new SignOffProblem(problem.Id, true, "同意")));
        }

        Ok(await Host.Send<ProblemSummary>("office", new CloseProblem(problem.Id)));
        var detail = Ok(await Host.Send<ProblemDetail>("b1-leader", new GetProblem(problem.Id)));
        var record = Ok(await Host.Send<WriteOffRecord>("b1-leader", new GetWriteOffRecord(problem.Id)));
        var page = await Host.ClientFor("b1-leader").GetStringAsync($"/api/problems/{problem.Id}/write-off");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrongProblem.Error?.Code, Is.EqualTo("evidence.file-not-of-problem"), "a file of another problem cannot be cited");
            Assert.That(both.Error?.Code, Is.EqualTo("validation.failed"), "an uploaded file is cited by id alone");
            Assert.That(viaHttp.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(detail.Progress.Single().Evidence, Is.EqualTo(new[]
            {
                new Domain.Problems.EvidenceRef("销号佐证.pdf", Sha256(bytes), file.Id),
                new Domain.Problems.EvidenceRef("会议纪要（纸质存档）", new string('b', 64)),
            }));
            Assert.That(record.Evidence.Select(e => (e.FileName, e.Sha256)), Is.EqualTo(new[] { ("销号佐证.pdf", Sha256(bytes)), ("会议纪要（纸质存档）", new string('b', 64)) }));
            Assert.That(page, Does.Contain(Sha256(bytes)));
        }
    }

    // ---- helpers shared with the matrix and the document tests --------------------------------------------------------

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A small PDF-looking file (the content check reads the signature), distinct per seed, padded to <paramref name="length"/>.</summary>
    public static byte[] PdfBytes(int seed, int length = 0)
    {
        var text = Encoding.ASCII.GetBytes($"%PDF-1.7\n% evidence {seed}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
        return length <= text.Length ? text : [.. text, .. Enumerable.Repeat((byte)' ', length - text.Length)];
    }

    public static MultipartFormDataContent Upload(string name, byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        // What a browser might claim; the server must not believe it.
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        // RFC 5987 by hand: the client library refuses some names (quotes) that a hostile client would send anyway.
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename*=UTF-8''{Uri.EscapeDataString(name)}");
        var content = new MultipartFormDataContent();
        content.Add(part);
        return content;
    }

    public static async Task<EvidenceFileDto> UploadAsync(HttpClient client, Guid problemId, string name, byte[] bytes)
    {
        using var response = await client.PostAsync($"/api/problems/{problemId}/evidence", Upload(name, bytes));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return System.Text.Json.JsonSerializer.Deserialize<EvidenceFileDto>(text, System.Text.Json.JsonSerializerOptions.Web)!;
    }

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }

    private static byte[] WordFile(string text)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
        }

        return stream.ToArray();
    }

    private string[] StoredFiles() => Directory.Exists(Host.EvidenceFolder)
        ? [.. Directory.EnumerateFiles(Host.EvidenceFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
        : [];

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
