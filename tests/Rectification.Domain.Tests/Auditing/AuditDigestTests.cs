using Rectification.Domain.Auditing;

namespace Rectification.Domain.Tests.Auditing;

/// <summary>The head of the chain written <c>sequence:hash</c>, kept outside the database and read back to verify against.</summary>
[TestFixture]
public sealed class AuditDigestTests
{
    private const string Hash = "c7af971c9008188480e7935c0d9898754e19475027ef173ace1426367f615493";

    [Test]
    public void ToString_IsSequenceColonHash()
    {
        Assert.That(new AuditDigest(1234, Hash).ToString(), Is.EqualTo("1234:" + Hash));
    }

    [Test]
    public void Empty_IsTheDigestOfAnEmptyChain()
    {
        Assert.That(AuditDigest.Empty.ToString(), Is.EqualTo("0:0000000000000000000000000000000000000000000000000000000000000000"));
    }

    [Test]
    public void TryParse_OfAWrittenDigest_GivesItBack()
    {
        var parsed = AuditDigest.TryParse("1234:" + Hash, out var digest);

        Assert.That(parsed, Is.True);
        Assert.That(digest, Is.EqualTo(new AuditDigest(1234, Hash)));
    }

    [Test]
    public void TryParse_WithSpacesAndUpperCaseHex_TrimsAndLowersTheHash()
    {
        var parsed = AuditDigest.TryParse(" 7 : " + Hash.ToUpperInvariant() + " ", out var digest);

        Assert.That(parsed, Is.True);
        Assert.That(digest, Is.EqualTo(new AuditDigest(7, Hash)));
    }

    [Test]
    public void TryParse_WithAnEmptyHash_IsTheHeadOfAChainOlderThanHashes()
    {
        var parsed = AuditDigest.TryParse("3:", out var digest);

        Assert.That(parsed, Is.True);
        Assert.That(digest, Is.EqualTo(new AuditDigest(3, "")));
    }

    [TestCase(null, TestName = "TryParse_OfNothing_Fails")]
    [TestCase("1234", TestName = "TryParse_WithoutAColon_Fails")]
    [TestCase(":" + Hash, TestName = "TryParse_WithoutASequence_Fails")]
    [TestCase("-1:" + Hash, TestName = "TryParse_WithANegativeSequence_Fails")]
    [TestCase("+1:" + Hash, TestName = "TryParse_WithASignedSequence_Fails")]
    [TestCase("x1:" + Hash, TestName = "TryParse_WithALetterInTheSequence_Fails")]
    [TestCase("1:" + "c7af971c9008188480e7935c0d9898754e19475027ef173ace1426367f61549", TestName = "TryParse_WithA63DigitHash_Fails")]
    [TestCase("1:" + Hash + "0", TestName = "TryParse_WithA65DigitHash_Fails")]
    [TestCase("1:" + "g7af971c9008188480e7935c0d9898754e19475027ef173ace1426367f615493", TestName = "TryParse_WithANonHexDigitInTheHash_Fails")]
    [TestCase("1:" + "gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg", TestName = "TryParse_WithNoHexDigitInTheHash_Fails")]
    public void TryParse_OfAMalformedDigest_Fails(string? text)
    {
        var parsed = AuditDigest.TryParse(text, out var digest);

        Assert.That(parsed, Is.False);
        Assert.That(digest, Is.Null);
    }
}
