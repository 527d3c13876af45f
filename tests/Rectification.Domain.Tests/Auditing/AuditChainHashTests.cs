using Rectification.Domain.Auditing;

namespace Rectification.Domain.Tests.Auditing;

/// <summary>
/// The hash of an audit entry is a known function of its fields: the known answers below were computed outside the product
/// with Python's hashlib (<c>python3 tests/Rectification.Domain.Tests/Auditing/audit_hash_vectors.py</c>, which also reproduces
/// the coreutils vector of the integration tests), so a change of the canonical form, or a field left out of it, fails here.
/// </summary>
[TestFixture]
public sealed class AuditChainHashTests
{
    private static readonly Guid Case = Guid.Parse("b7e1c0de-1111-4222-8333-444455556666");
    private static readonly Guid User = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000001");

    /// <summary>2026-12-01T08:30:00.123456Z: (1,764,577,800 s + 62,135,596,800 s) × 10⁷ + 1,234,560 ticks.</summary>
    private const long AtA = 639_317_106_001_234_560;

    private const string HashA = "c7af971c9008188480e7935c0d9898754e19475027ef173ace1426367f615493";
    private const string HashB = "cad05e7ba822d5392f91902e141481375ed937fea9fe96c7b4404e3b9877448b";
    private const string HashC = "50c133002805c00daf7bca00d309996141de2655d39e8059eda8bca868b7df26";

    /// <summary>Vector A: every field set, a user, a trigger and both states, Chinese text in the payload.</summary>
    private static StoredRow RowA => new(1, AuditChainHash.Genesis, new DateTime(AtA, DateTimeKind.Utc), User, "liaison.li", "UnitLiaison", "SubmitPlan", "Plan",
        Case, "Submit", "Drafting", "Submitted", """{"State":"Drafting"}""", """{"State":"Submitted"}""", """{"note":"整改方案第一稿"}""", HashA);

    /// <summary>Vector B: no user, no trigger and no states (nulls), empty before and after.</summary>
    private static StoredRow RowB => new(2, HashA, Utc(2026, 12, 1, 8, 31), null, "system", "System", "FeedBackInspection", "Problem",
        Case, null, null, null, "", "", "{}", HashB);

    [Test]
    public void Genesis_IsSixtyFourZeros()
    {
        Assert.That(AuditChainHash.Genesis, Is.EqualTo("0000000000000000000000000000000000000000000000000000000000000000"));
    }

    [Test]
    public void Compute_OfAnEntryWithEveryFieldSet_IsTheKnownAnswer()
    {
        Assert.That(AuditChainHash.Compute(RowA), Is.EqualTo(HashA));
    }

    [Test]
    public void Compute_OfAnEntryWithoutUserTriggerOrStates_IsTheKnownAnswer()
    {
        Assert.That(AuditChainHash.Compute(RowB), Is.EqualTo(HashB));
    }

    [Test]
    public void Compute_WhenTriggerAndStatesAreEmptyInsteadOfNull_IsADifferentKnownAnswer()
    {
        var row = RowB with { Sequence = 3, PreviousHash = HashB, At = Utc(2026, 12, 1, 8, 32), Trigger = "", FromState = "", ToState = "", Hash = HashC };

        Assert.That(AuditChainHash.Compute(row), Is.EqualTo(HashC), "null is written as length −1, \"\" as length 0");
    }

    [Test]
    public void Compute_OfALargeEntry_IsTheKnownAnswer()
    {
        // 3,250 bytes of canonical form: After is 1,000 times 整 (3 UTF-8 bytes each).
        var row = new StoredRow(4, HashC, Utc(2026, 12, 1, 8, 33), User, "office.wang", "InspectionOffice", "RegisterProblem", "Problem",
            Case, null, null, "Registered", "", new string('整', 1000), "{}", "");

        Assert.That(AuditChainHash.Compute(row), Is.EqualTo("e58c940d3ef1148e8ffe4f400980e1100c047ef8feeff311a2fe8af92e87f4ec"));
    }

    // The canonical form is built in a 2,048-byte buffer up to that size and in a larger one above it: both sides of the edge.
    [TestCase(6, 1827, "e900453f24a33f5620eccb2d2209e3308d93c6e291d8c7234c97b46e271a4cb1", TestName = "Compute_OfAnEntryOfExactly2048Bytes_IsTheKnownAnswer")]
    [TestCase(5, 1828, "807b8fd903e388bb0b1909cc3d29e4161fa67e9400b3c22e16d0aec915e4be51", TestName = "Compute_OfAnEntryOf2049Bytes_IsTheKnownAnswer")]
    public void Compute_AtTheBufferEdge_IsTheKnownAnswer(long sequence, int payloadLength, string expected)
    {
        var row = new StoredRow(sequence, AuditChainHash.Genesis, Utc(2026, 12, 1, 9, 0), null, "system", "System", "SendReminders", "Problem",
            Case, null, null, null, "", "", new string('x', payloadLength), "");

        Assert.That(AuditChainHash.Compute(row), Is.EqualTo(expected));
    }

    [Test]
    public void IsSealed_WhenTheStoredHashIsTheHashOfTheFields_IsTrue()
    {
        Assert.That(AuditChainHash.IsSealed(RowA), Is.True);
    }

    [Test]
    public void IsSealed_WhenTheStoredHashIsEmpty_IsFalse()
    {
        Assert.That(AuditChainHash.IsSealed(RowA with { Hash = "" }), Is.False, "an entry older than the chain is not sealed");
    }

    [Test]
    public void IsSealed_WhenTheStoredHashIsUpperCase_IsFalse()
    {
        Assert.That(AuditChainHash.IsSealed(RowA with { Hash = HashA.ToUpperInvariant() }), Is.False, "hashes are compared as stored, lower-case hex");
    }

    private static IEnumerable<TestCaseData> Tamperings()
    {
        TestCaseData Case(string field, Func<StoredRow, StoredRow> tamper) => new TestCaseData(tamper).SetName($"IsSealed_WhenOnly{field}IsChanged_IsFalse");
        yield return Case("Sequence", r => r with { Sequence = 2 });
        yield return Case("PreviousHash", r => r with { PreviousHash = HashB });
        yield return Case("At", r => r with { At = r.At.AddTicks(10) });
        yield return Case("UserId", r => r with { UserId = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000002") });
        yield return Case("UserIdRemoved", r => r with { UserId = null });
        yield return Case("UserName", r => r with { UserName = "liaison.lu" });
        yield return Case("Role", r => r with { Role = "UnitLeader" });
        yield return Case("Command", r => r with { Command = "AcceptPlan" });
        yield return Case("EntityType", r => r with { EntityType = "Problem" });
        yield return Case("EntityId", r => r with { EntityId = Guid.Parse("b7e1c0de-1111-4222-8333-444455556667") });
        yield return Case("Trigger", r => r with { Trigger = "Accept" });
        yield return Case("FromState", r => r with { FromState = "Returned" });
        yield return Case("ToState", r => r with { ToState = "Accepted" });
        yield return Case("Before", r => r with { Before = """{"State":"Returned"}""" });
        yield return Case("After", r => r with { After = """{"State":"Accepted"}""" });
        yield return Case("Payload", r => r with { Payload = """{"note":"整改方案第二稿"}""" });
    }

    [TestCaseSource(nameof(Tamperings))]
    public void IsSealed_WhenOneHashedFieldIsChanged_IsFalse(Func<StoredRow, StoredRow> tamper)
    {
        Assert.That(AuditChainHash.IsSealed(tamper(RowA)), Is.False);
    }

    [Test]
    public void Storable_KeepsWholeMicrosecondsInUtc()
    {
        var at = new DateTime(AtA + 7, DateTimeKind.Unspecified);

        var stored = AuditChainHash.Storable(at);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Ticks, Is.EqualTo(AtA), "…123456.7 µs is stored as …123456 µs, as PostgreSQL keeps it");
            Assert.That(stored.Kind, Is.EqualTo(DateTimeKind.Utc));
        }
    }

    [Test]
    public void Storable_OfALocalTime_IsThatInstantInUtc()
    {
        // 16:30 in Beijing (UTC+8) is 08:30 UTC, whatever the machine's own time zone.
        var local = new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.FromHours(8)).LocalDateTime;

        Assert.That(AuditChainHash.Storable(local), Is.EqualTo(Utc(2026, 12, 1, 8, 30)).And.Property(nameof(DateTime.Kind)).EqualTo(DateTimeKind.Utc));
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>An audit row as read back from the database, to verify.</summary>
    public sealed record StoredRow(long Sequence, string PreviousHash, DateTime At, Guid? UserId, string UserName, string Role, string Command,
        string EntityType, Guid EntityId, string? Trigger, string? FromState, string? ToState, string Before, string After, string Payload, string Hash) : IAuditRecord;
}
