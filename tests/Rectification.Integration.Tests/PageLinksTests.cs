using Rectification.Web.Pages.Shared;

namespace Rectification.Integration.Tests;

/// <summary>An extension, a reminder talk or a task names its case by lifecycle; its link must open that case's own page.</summary>
public sealed class PageLinksTests
{
    [TestCase("problem", "/problems/0194d2a0-0000-7000-8000-000000000001")]
    [TestCase("plan", "/plans/0194d2a0-0000-7000-8000-000000000001")]
    [TestCase("clue", "/clues/0194d2a0-0000-7000-8000-000000000001")]
    public void Case_OpensThePageOfItsKind(string lifecycle, string expected) =>
        Assert.That(PageLinks.Case(lifecycle, Guid.Parse("0194d2a0-0000-7000-8000-000000000001")), Is.EqualTo(expected));
}
