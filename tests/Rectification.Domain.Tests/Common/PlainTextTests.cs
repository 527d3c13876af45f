using System.Text;
using Rectification.Domain.Common;

namespace Rectification.Domain.Tests.Common;

/// <summary>No text may hold control, invisible format or separator characters, nor half a surrogate pair; rare characters stay allowed.</summary>
[TestFixture]
public sealed class PlainTextTests
{
    [TestCase("整改措施：重新招标\tDone\r\n")]
    [TestCase("")]
    [TestCase("Rare name \uE000 in private use")]
    [TestCase("Not yet assigned \u0378")]
    [TestCase("😀 an emoji is a whole pair")]
    public void FirstForbidden_OfAPlainText_IsNull(string text)
    {
        Assert.That(PlainText.FirstForbidden(text), Is.Null);
    }

    [TestCase("cod\u202Eexe.doc", 4, "U+202E", TestName = "FirstForbidden_ARightToLeftOverride_IsFound")]
    [TestCase("a\u0007b", 2, "U+0007", TestName = "FirstForbidden_ABell_IsFound")]
    [TestCase("\u000Bvertical tab", 1, "U+000B", TestName = "FirstForbidden_AVerticalTab_IsFound")]
    [TestCase("zero\u200Bwidth", 5, "U+200B", TestName = "FirstForbidden_AZeroWidthSpace_IsFound")]
    [TestCase("\uFEFFbom", 1, "U+FEFF", TestName = "FirstForbidden_AByteOrderMark_IsFound")]
    [TestCase("line\u2028sep", 5, "U+2028", TestName = "FirstForbidden_ALineSeparator_IsFound")]
    [TestCase("para\u2029sep", 5, "U+2029", TestName = "FirstForbidden_AParagraphSeparator_IsFound")]
    [TestCase("😀x\u2066", 4, "U+2066", TestName = "FirstForbidden_AfterAPair_CountsBothHalvesOfThePair")]
    [TestCase("a\U000E0001", 2, "U+E0001", TestName = "FirstForbidden_ATagCharacterBeyondTheBasicPlane_IsFound")]
    [TestCase("x\u0001\u202E", 2, "U+0001", TestName = "FirstForbidden_OfSeveral_IsTheFirst")]
    public void FirstForbidden_GivesThePositionAndCodePoint(string text, int position, string codePoint)
    {
        Assert.That(PlainText.FirstForbidden(text), Is.EqualTo(new PlainText.Violation(position, codePoint)));
    }

    // Written in code, not in an attribute: an attribute stores its strings as UTF-8, which turns half a pair into U+FFFD.
    [Test]
    public void FirstForbidden_HalfASurrogatePair_IsFound()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PlainText.FirstForbidden("ab" + '\uD800'), Is.EqualTo(new PlainText.Violation(3, "U+D800")), "a high half at the end");
            Assert.That(PlainText.FirstForbidden("a" + '\uDC00' + "b"), Is.EqualTo(new PlainText.Violation(2, "U+DC00")), "a low half alone");
            Assert.That(PlainText.FirstForbidden("\uD83D" + "x"), Is.EqualTo(new PlainText.Violation(1, "U+D83D")), "a high half before a letter");
        }
    }

    [TestCase('\t', false)]
    [TestCase('\n', false)]
    [TestCase('\r', false)]
    [TestCase('a', false)]
    [TestCase('\u0000', true)]
    [TestCase('\u200D', true)]
    public void IsForbidden_SparesOnlyTabAndLineBreaksAmongControls(char c, bool forbidden)
    {
        Assert.That(PlainText.IsForbidden(new Rune(c)), Is.EqualTo(forbidden));
    }
}
