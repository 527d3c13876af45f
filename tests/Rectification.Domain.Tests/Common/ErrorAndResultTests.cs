using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Domain.Tests.Common;

/// <summary>Expected refusals: a stable code and kind the clients key on, arguments as terms, and results that carry one or the other.</summary>
[TestFixture]
public sealed class ErrorAndResultTests
{
    [Test]
    public void NotFound_NamesTheObjectInBothLanguagesAndItsId()
    {
        var id = Guid.Parse("00000000-0000-0000-0000-0000000000f1");

        var error = Error.NotFound("LedgerLine", id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Kind, Is.EqualTo(ErrorKind.NotFound));
            Assert.That(error.Code, Is.EqualTo("not-found"));
            Assert.That(error.Args["entity"], Is.EqualTo(new Term("LedgerLine", new LocalizedText("台账条目", "ledger line"))));
            Assert.That(error.Args["id"], Is.EqualTo(id));
            Assert.That(error.FieldErrors, Is.Empty);
        }
    }

    [Test]
    public void Validation_CarriesTheFieldErrors()
    {
        var fields = new Dictionary<string, string[]> { ["Title"] = ["required"] };

        var error = Error.Validation(fields);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Kind, Is.EqualTo(ErrorKind.Validation));
            Assert.That(error.Code, Is.EqualTo("validation.failed"));
            Assert.That(error.Args, Is.Empty);
            Assert.That(error.FieldErrors["Title"], Is.EqualTo(new[] { "required" }));
        }
    }

    [Test]
    public void TheFactories_SetTheKindAndTheArguments()
    {
        var errors = new[]
        {
            Error.Forbidden("f.code", ("a", 1)),
            Error.Conflict("c.code", ("a", 1)),
            Error.Rule("r.code", ("a", 1)),
            Error.Transition("t.code", ("a", 1)),
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => e.Kind),
                Is.EqualTo(new[] { ErrorKind.Forbidden, ErrorKind.Conflict, ErrorKind.RuleBroken, ErrorKind.TransitionNotAllowed }));
            Assert.That(errors.Select(e => e.Code), Is.EqualTo(new[] { "f.code", "c.code", "r.code", "t.code" }));
            Assert.That(errors.Select(e => e.Args["a"]), Is.All.EqualTo(1));
        }
    }

    [Test]
    public void Plain_ShowsTermsAsTheirCodesAndLeavesOtherValues()
    {
        var close = Term.Trigger("Close");
        IEnumerable<Term> terms = [Term.Trigger("Close"), Term.Trigger("Reopen")];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Error.Plain(close), Is.EqualTo("Close"));
            Assert.That(Error.Plain(terms), Is.EqualTo(new[] { "Close", "Reopen" }));
            Assert.That(Error.Plain(42), Is.EqualTo(42));
            Assert.That(Error.Plain(null), Is.Null);
        }
    }

    [Test]
    public void Ok_HasTheValueAndNoError()
    {
        Result<int> result = 7;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(result.Error, Is.Null);
            Assert.That(result.Value, Is.EqualTo(7));
            Assert.That(Result<string>.Ok("x").Value, Is.EqualTo("x"));
        }
    }

    [Test]
    public void Fail_HasTheErrorAndNoValue()
    {
        var conflict = Error.Conflict("receipt.already-acknowledged");
        Result<int> result = conflict;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error, Is.SameAs(conflict));
            Assert.That(() => result.Value, Throws.InvalidOperationException.With.Message.Contains("receipt.already-acknowledged"));
            Assert.That(Result<int>.Fail(conflict).Error, Is.SameAs(conflict));
        }
    }

    private sealed record Rule(string Code, bool Broken) : IBusinessRule
    {
        public bool IsBroken() => Broken;

        public IReadOnlyDictionary<string, object?> Args { get; } = new Dictionary<string, object?> { ["rule"] = Code };
    }

    [Test]
    public void Check_GivesTheFirstBrokenRuleAsABrokenRule()
    {
        var error = Rules.Check(new Rule("first.holds", false), new Rule("second.broken", true), new Rule("third.broken", true));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Kind, Is.EqualTo(ErrorKind.RuleBroken));
            Assert.That(error.Code, Is.EqualTo("second.broken"));
            Assert.That(error.Args["rule"], Is.EqualTo("second.broken"));
        }
    }

    [Test]
    public void Check_WhenEveryRuleHolds_IsNull()
    {
        Assert.That(Rules.Check(new Rule("a", false), new Rule("b", false)), Is.Null);
    }

    [TestCase("en", "problem")]
    [TestCase("en-GB", "problem")]
    [TestCase("EN", "problem")]
    [TestCase("zh-CN", "问题")]
    [TestCase("fr", "问题")]
    [TestCase("", "问题")]
    public void LocalizedText_ForALanguage_IsEnglishOnlyForEnglish(string language, string text)
    {
        Assert.That(new LocalizedText("问题", "problem").For(language), Is.EqualTo(text));
    }

    [TestCase(5, true, "5wd")]
    [TestCase(30, false, "30d")]
    public void DurationSpec_ReadsAsInTheFiles(int days, bool workingDays, string text)
    {
        Assert.That(new DurationSpec(days, workingDays).ToString(), Is.EqualTo(text));
    }
}
