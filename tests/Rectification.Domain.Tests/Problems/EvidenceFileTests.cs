using Rectification.Domain.Problems;

namespace Rectification.Domain.Tests.Problems;

/// <summary>An uploaded evidence file keeps the user's name for it, the detected type and its hash, and is stored under a name derived from its id.</summary>
[TestFixture]
public sealed class EvidenceFileTests
{
    private static readonly Guid Id = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    [Test]
    public void StoredNameFor_SpreadsFilesByTheLastTwoHexDigitsOfTheId()
    {
        Assert.That(EvidenceFile.StoredNameFor(Id), Is.EqualTo("5b/0193a1b2c3d47e5f8a9b0c1d2e3f4a5b"));
    }

    [Test]
    public void Record_KeepsWhatTheUploadWas()
    {
        var problemId = Guid.NewGuid();
        var unitId = Guid.NewGuid();
        var by = Guid.NewGuid();
        var at = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        var sha = new string('a', 64);

        var file = EvidenceFile.Record(Id, problemId, unitId, "整改报告.pdf", "application/pdf", 12_345, sha, EvidenceFile.StoredNameFor(Id), at, by);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.Id, Is.EqualTo(Id));
            Assert.That(file.ProblemId, Is.EqualTo(problemId));
            Assert.That(file.UnitId, Is.EqualTo(unitId));
            Assert.That(file.FileName, Is.EqualTo("整改报告.pdf"));
            Assert.That(file.ContentType, Is.EqualTo("application/pdf"));
            Assert.That(file.Length, Is.EqualTo(12_345));
            Assert.That(file.Sha256, Is.EqualTo(sha));
            Assert.That(file.StoredName, Is.EqualTo("5b/0193a1b2c3d47e5f8a9b0c1d2e3f4a5b"));
            Assert.That(file.UploadedAt, Is.EqualTo(at));
            Assert.That(file.UploadedBy, Is.EqualTo(by));
        }
    }
}
