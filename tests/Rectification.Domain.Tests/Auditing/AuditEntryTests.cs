using Rectification.Domain.Auditing;

namespace Rectification.Domain.Tests.Auditing;

/// <summary>An entry is sealed when it takes its place in the chain, with the instant the database will store.</summary>
[TestFixture]
public sealed class AuditEntryTests
{
    private static readonly Guid Case = Guid.Parse("b7e1c0de-1111-4222-8333-444455556666");
    private static readonly Guid User = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000001");

    /// <summary>The fields of vector A of <see cref="AuditChainHashTests"/>, at 2026-12-01T08:30:00.1234567Z (a tenth of a microsecond more).</summary>
    private static AuditEntry NewEntryA() => new(new DateTime(639_317_106_001_234_567, DateTimeKind.Utc), User, "liaison.li", "UnitLiaison", "SubmitPlan", "Plan", Case,
        "Submit", "Drafting", "Submitted", """{"State":"Drafting"}""", """{"State":"Submitted"}""", """{"note":"整改方案第一稿"}""");

    [Test]
    public void ANewEntry_CarriesNoPlaceAndNoHashYet()
    {
        var entry = NewEntryA();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Sequence, Is.Zero);
            Assert.That(entry.PreviousHash, Is.Empty);
            Assert.That(entry.Hash, Is.Empty);
            Assert.That(AuditChainHash.IsSealed(entry), Is.False);
        }
    }

    [Test]
    public void ANewEntry_KeepsWhatItWasGiven()
    {
        var entry = NewEntryA();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.UserId, Is.EqualTo(User));
            Assert.That(entry.UserName, Is.EqualTo("liaison.li"));
            Assert.That(entry.Role, Is.EqualTo("UnitLiaison"));
            Assert.That(entry.Command, Is.EqualTo("SubmitPlan"));
            Assert.That(entry.EntityType, Is.EqualTo("Plan"));
            Assert.That(entry.EntityId, Is.EqualTo(Case));
            Assert.That(entry.Trigger, Is.EqualTo("Submit"));
            Assert.That(entry.FromState, Is.EqualTo("Drafting"));
            Assert.That(entry.ToState, Is.EqualTo("Submitted"));
            Assert.That(entry.Before, Is.EqualTo("""{"State":"Drafting"}"""));
            Assert.That(entry.After, Is.EqualTo("""{"State":"Submitted"}"""));
            Assert.That(entry.Payload, Is.EqualTo("""{"note":"整改方案第一稿"}"""));
        }
    }

    [Test]
    public void Chain_AsTheFirstEntry_SealsItWithTheKnownAnswerOfItsStoredFields()
    {
        var entry = NewEntryA();

        entry.Chain(1, AuditChainHash.Genesis);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Sequence, Is.EqualTo(1));
            Assert.That(entry.PreviousHash, Is.EqualTo(AuditChainHash.Genesis));
            Assert.That(entry.At, Is.EqualTo(new DateTime(639_317_106_001_234_560, DateTimeKind.Utc)), "the instant is cut to whole microseconds first");
            Assert.That(entry.Hash, Is.EqualTo("c7af971c9008188480e7935c0d9898754e19475027ef173ace1426367f615493"), "vector A, computed with hashlib");
            Assert.That(AuditChainHash.IsSealed(entry), Is.True);
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Chain_AtAPlaceBeforeTheFirst_IsRefused(long sequence)
    {
        var entry = NewEntryA();

        Assert.That(() => entry.Chain(sequence, AuditChainHash.Genesis), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
