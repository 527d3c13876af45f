using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Administration;
using Rectification.Domain.Auditing;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// Known answers for the audit hash chain: three entries whose hashes were computed with coreutils from the canonical form
/// written down in Support/audit-chain-vectors.txt (and README, "Audit trail"), never with the product's code. A verifier
/// written elsewhere from that description must agree with these hashes, so they pin the format: a change to the field
/// order, an encoding, the instant's unit or the null marker breaks these tests, not only every chain already stored.
/// </summary>
public sealed class AuditChainVectorTests
{
    [TestCase(1, "5e4ddb8ca9b372c8f7f0ecc5081f596c45d4367f7d69e16f24c0f0f4699c664a")]
    [TestCase(2, "392550709ed581304d972abc1776147c83bad949d84799007961988ab7d6e0d7")]
    [TestCase(3, "887e3f62bcc4e312bfb5f5d07115a98aa2666399925384ad9ffd757431295072")]
    public void Hash_OfEachVector_IsTheHashComputedWithCoreutils(int number, string expected)
    {
        var vector = AuditChainVector.All.Single(v => v.Number == number);
        var entry = vector.ToEntry();
        entry.Chain(vector.Sequence, vector.PreviousHash);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(vector.Sha256, Is.EqualTo(expected), "the file and this test name the same answer");
            Assert.That(entry.Hash, Is.EqualTo(expected), "sealing the entry");
            Assert.That(AuditChainHash.Compute(entry), Is.EqualTo(expected), "recomputing it");
        }
    }

    [Test]
    public void Vectors_FormOneChain_FromTheGenesisHash()
    {
        var vectors = AuditChainVector.All;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(vectors.Select(v => v.Sequence), Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(vectors[0].PreviousHash, Is.EqualTo(new string('0', 64)));
            Assert.That(vectors[1].PreviousHash, Is.EqualTo(vectors[0].Sha256));
            Assert.That(vectors[2].PreviousHash, Is.EqualTo(vectors[1].Sha256));
            // Vector 3's payload is larger than the stack buffer the hash is computed in, so the pooled-buffer path is pinned too.
            Assert.That(vectors[2].Payload, Has.Length.EqualTo(3000));
        }
    }
}

/// <summary>
/// The vectors written through the real save path into a real, otherwise empty audit table (SQLite and PostgreSQL): the chain
/// the product builds from these fields carries exactly the hashes computed outside it, the verifier reads them back intact,
/// and changing any one hashed field of one stored row, as someone with access to the database would, breaks the chain at
/// that row.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AuditChainVectorStorageTests(DatabaseProvider provider) : HostTest(provider)
{
    private const string Hash1 = "5e4ddb8ca9b372c8f7f0ecc5081f596c45d4367f7d69e16f24c0f0f4699c664a";
    private const string Hash2 = "392550709ed581304d972abc1776147c83bad949d84799007961988ab7d6e0d7";
    private const string Hash3 = "887e3f62bcc4e312bfb5f5d07115a98aa2666399925384ad9ffd757431295072";

    /// <summary>Each test starts from the three vectors alone, appended by the product's own chaining on save.</summary>
    [SetUp]
    public async Task StoreTheVectors() => await Host.Query(async db =>
    {
        await db.AuditEntries.ExecuteDeleteAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var vector in AuditChainVector.All)
        {
            db.AuditEntries.Add(vector.ToEntry());
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return 0;
    });

    [Test]
    public async Task Chain_OfTheVectorsAsStored_CarriesTheHashesComputedWithCoreutils_AndVerifiesIntact()
    {
        var stored = await Host.Query(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());
        var report = Ok(await Host.Send<AuditChainReport>("admin", new VerifyAuditChain($"3:{Hash3}")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Select(e => (e.Sequence, e.PreviousHash, e.Hash)), Is.EqualTo(new[]
            {
                (1L, new string('0', 64), Hash1),
                (2L, Hash1, Hash2),
                (3L, Hash2, Hash3),
            }));
            Assert.That(report.Intact, Is.True, () => $"{report.FirstBreak}");
            Assert.That(report.Checked, Is.EqualTo(3));
            Assert.That(report.Head?.Digest, Is.EqualTo($"3:{Hash3}"));
            Assert.That(report.DigestConfirmed, Is.True);
        }
    }

    /// <summary>One stored field of one row changed; the first break the verifier names, written by hand.</summary>
    [TestCase("At", 2, AuditChainFault.HashMismatch)]
    [TestCase("UserId", 2, AuditChainFault.HashMismatch, Description = "null becomes a user")]
    [TestCase("UserIdCleared", 1, AuditChainFault.HashMismatch, Description = "a user becomes null")]
    [TestCase("UserName", 2, AuditChainFault.HashMismatch)]
    [TestCase("Role", 2, AuditChainFault.HashMismatch)]
    [TestCase("Command", 2, AuditChainFault.HashMismatch)]
    [TestCase("EntityType", 2, AuditChainFault.HashMismatch)]
    [TestCase("EntityId", 2, AuditChainFault.HashMismatch)]
    [TestCase("Trigger", 2, AuditChainFault.HashMismatch)]
    [TestCase("TriggerNullBecomesEmpty", 1, AuditChainFault.HashMismatch, Description = "null and \"\" hash differently")]
    [TestCase("FromState", 2, AuditChainFault.HashMismatch)]
    [TestCase("ToState", 2, AuditChainFault.HashMismatch)]
    [TestCase("Before", 2, AuditChainFault.HashMismatch)]
    [TestCase("After", 2, AuditChainFault.HashMismatch)]
    [TestCase("Payload", 2, AuditChainFault.HashMismatch)]
    [TestCase("LastPayloadCharacter", 3, AuditChainFault.HashMismatch, Description = "the 3,000th byte of a long field")]
    [TestCase("PreviousHash", 2, AuditChainFault.OutOfOrder, Description = "neither its hash nor its link fits any more")]
    [TestCase("Hash", 2, AuditChainFault.HashMismatch)]
    [TestCase("Sequence", 4, AuditChainFault.Gap, Description = "entry 3 renumbered 4: named at the number it now carries, entry 3 missing")]
    public async Task Field_WhenChangedInTheDatabase_BreaksTheChainAtThatEntry(string field, long brokenAt, AuditChainFault fault)
    {
        var other = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var affected = await Host.Query(db =>
        {
            long target = field is "UserIdCleared" or "TriggerNullBecomesEmpty" ? 1 : field is "LastPayloadCharacter" or "Sequence" ? 3 : 2;
            var rows = db.AuditEntries.Where(a => a.Sequence == target);
            return field switch
            {
                "At" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.At, new DateTime(2026, 3, 2, 9, 15, 32, DateTimeKind.Utc))),
                "UserId" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, other)),
                "UserIdCleared" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, (Guid?)null)),
                "UserName" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "office")),
                "Role" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.Role, "Administrator")),
                "Command" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.Command, "CloseProblem")),
                "EntityType" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.EntityType, "Plan")),
                "EntityId" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.EntityId, other)),
                "Trigger" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.Trigger, "Close")),
                "TriggerNullBecomesEmpty" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.Trigger, "")),
                "FromState" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.FromState, "Rectifying")),
                "ToState" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.ToState, "Closed")),
                "Before" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.Before, "{}")),
                "After" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.After, """{"State":"Closed"}""")),
                "Payload" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.Payload, "")),
                "LastPayloadCharacter" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.Payload, new string('a', 2999) + "b")),
                "PreviousHash" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.PreviousHash, new string('0', 64))),
                "Hash" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.Hash, Hash1)),
                "Sequence" => rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.Sequence, 4L)),
                _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
            };
        });
        var entryId = await Host.Query(db => db.AuditEntries.Where(a => a.Sequence == brokenAt).Select(a => a.Id).SingleAsync());

        var report = Ok(await Host.Send<AuditChainReport>("admin", new VerifyAuditChain()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(affected, Is.EqualTo(1), "one row was changed");
            Assert.That(report.Intact, Is.False);
            Assert.That((report.FirstBreak?.Sequence, report.FirstBreak?.EntryId, report.FirstBreak?.Fault),
                Is.EqualTo(((long?)brokenAt, (long?)entryId, (AuditChainFault?)fault)), () => $"{report.FirstBreak}");
        }
    }
}

/// <summary>One entry of Support/audit-chain-vectors.txt.</summary>
internal sealed record AuditChainVector(int Number, long Sequence, string PreviousHash, DateTime At, Guid? UserId, string UserName, string Role,
    string Command, string EntityType, Guid EntityId, string? Trigger, string? FromState, string? ToState, string Before, string After,
    string Payload, string Sha256)
{
    public static IReadOnlyList<AuditChainVector> All { get; } = Read(Path.Combine(TestContext.CurrentContext.TestDirectory, "Support", "audit-chain-vectors.txt"));

    public AuditEntry ToEntry() => new(At, UserId, UserName, Role, Command, EntityType, EntityId, Trigger, FromState, ToState, Before, After, Payload);

    /// <summary>Blocks of "name: value" lines, each starting at "vector:"; comments and the indented shell lines are skipped.</summary>
    private static List<AuditChainVector> Read(string path)
    {
        var vectors = new List<AuditChainVector>();
        Dictionary<string, string?>? fields = null;
        foreach (var line in File.ReadLines(path).Append("vector: end"))
        {
            if (line.Length == 0 || line.StartsWith('#') || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var (name, value) = colon < 0 ? (line.TrimEnd(':'), "") : (line[..colon], line[(colon + 2)..]);
            if (name == "vector")
            {
                if (fields is not null)
                {
                    vectors.Add(From(fields));
                }

                fields = new Dictionary<string, string?>();
            }

            fields![name] = Value(value);
        }

        return vectors;
    }

    private static string? Value(string text)
    {
        if (text == "(null)")
        {
            return null;
        }

        if (text == "(empty)")
        {
            return "";
        }

        if (text.StartsWith("(repeat ", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            var parts = text[1..^1].Split(' ');
            return string.Concat(Enumerable.Repeat(parts[2], int.Parse(parts[1], CultureInfo.InvariantCulture)));
        }

        return text;
    }

    private static AuditChainVector From(Dictionary<string, string?> f) => new(
        int.Parse(f["vector"]!, CultureInfo.InvariantCulture),
        long.Parse(f["sequence"]!, CultureInfo.InvariantCulture),
        f["previousHash"]!,
        DateTime.Parse(f["at"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        f["userId"] is { } user ? Guid.Parse(user) : null,
        f["userName"]!, f["role"]!, f["command"]!, f["entityType"]!, Guid.Parse(f["entityId"]!),
        f["trigger"], f["fromState"], f["toState"], f["before"]!, f["after"]!, f["payload"]!, f["sha256"]!);
}
