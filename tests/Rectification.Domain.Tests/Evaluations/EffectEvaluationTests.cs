using Rectification.Domain.Common;
using Rectification.Domain.Evaluations;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;

namespace Rectification.Domain.Tests.Evaluations;

/// <summary>整改效果评价: a score per source by the roles allowed; once all are in, the weighted composite and its grade.</summary>
[TestFixture]
public sealed class EffectEvaluationTests
{
    private static readonly Guid Inspection = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    private static readonly Guid UnitId = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid Scorer = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly DateTime Now = new(2025, 11, 3, 2, 0, 0, DateTimeKind.Utc);

    // Grades listed lowest first on purpose: the grade is the highest one the score reaches, whatever the file's order.
    private static readonly EvaluationScheme Scheme = new(3,
        [
            new EvaluationSource("SelfAssessment", 0.3m, [Role.UnitLeader], new("单位自评", "Unit self-assessment")),
            new EvaluationSource("OnSiteVerification", 0.7m, [Role.InspectionOffice, Role.InspectionGroup], new("察访核验", "On-site verification")),
        ],
        [
            new EvaluationGrade(0, new("差", "Poor")),
            new EvaluationGrade(60, new("一般", "Fair")),
            new EvaluationGrade(90, new("好", "Excellent")),
            new EvaluationGrade(80, new("较好", "Good")),
        ]);

    private static EffectEvaluation Open() => EffectEvaluation.Open(Inspection, UnitId, Scheme.Version);

    [Test]
    public void Open_HasNoScoresNoCompositeNoGrade()
    {
        var evaluation = Open();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(evaluation.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(evaluation.InspectionId, Is.EqualTo(Inspection));
            Assert.That(evaluation.UnitId, Is.EqualTo(UnitId));
            Assert.That(evaluation.SchemeVersion, Is.EqualTo(3));
            Assert.That(evaluation.Scores, Is.Empty);
            Assert.That(evaluation.Composite, Is.Null);
            Assert.That(evaluation.Grade, Is.Null);
        }
    }

    [Test]
    public void Record_OneOfTwoSources_KeepsTheScoreButNoCompositeYet()
    {
        var evaluation = Open();

        var refusal = evaluation.Record(Scheme, "SelfAssessment", 85.5m, Scorer, Role.UnitLeader, "self-assessed", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null);
            Assert.That(evaluation.Scores, Is.EqualTo(new[] { new EvaluationScore("SelfAssessment", 85.5m, Scorer, Role.UnitLeader, Now, "self-assessed") }));
            Assert.That(evaluation.Composite, Is.Null);
            Assert.That(evaluation.Grade, Is.Null);
        }
    }

    [Test]
    public void Record_TheLastSource_GivesTheWeightedCompositeRoundedHalfAwayFromZero()
    {
        var evaluation = Open();
        evaluation.Record(Scheme, "SelfAssessment", 85.5m, Scorer, Role.UnitLeader, "", Now);

        // 0.3 × 85.5 + 0.7 × 90.25 = 25.65 + 63.175 = 88.825, which rounds to 88.83 (half away from zero, not to even).
        var refusal = evaluation.Record(Scheme, "OnSiteVerification", 90.25m, Scorer, Role.InspectionGroup, "verified on site", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null);
            Assert.That(evaluation.Composite, Is.EqualTo(88.83m));
            Assert.That(evaluation.Grade, Is.EqualTo("较好"));
        }
    }

    [Test]
    public void Record_ASourceAgain_TheLatestScoreCounts()
    {
        var evaluation = Open();
        evaluation.Record(Scheme, "SelfAssessment", 50m, Scorer, Role.UnitLeader, "first", Now);
        evaluation.Record(Scheme, "OnSiteVerification", 100m, Scorer, Role.InspectionOffice, "", Now);
        var later = Now.AddDays(1);

        evaluation.Record(Scheme, "SelfAssessment", 70m, Scorer, Role.UnitLeader, "second", later);

        using (Assert.EnterMultipleScope())
        {
            // 0.3 × 70 + 0.7 × 100 = 91
            Assert.That(evaluation.Composite, Is.EqualTo(91m));
            Assert.That(evaluation.Grade, Is.EqualTo("好"));
            Assert.That(evaluation.Scores, Has.Count.EqualTo(2));
            Assert.That(evaluation.Scores.Single(s => s.Source == "SelfAssessment"),
                Is.EqualTo(new EvaluationScore("SelfAssessment", 70m, Scorer, Role.UnitLeader, later, "second")));
        }
    }

    [Test]
    public void Record_AnUnknownSource_IsABrokenRuleNamingTheSources()
    {
        var evaluation = Open();

        var refusal = evaluation.Record(Scheme, "Rumour", 99m, Scorer, Role.UnitLeader, "", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal!.Kind, Is.EqualTo(ErrorKind.RuleBroken));
            Assert.That(refusal.Code, Is.EqualTo("evaluation.unknown-source"));
            Assert.That(refusal.Args["source"], Is.EqualTo("Rumour"));
            Assert.That(refusal.Args["sources"], Is.EqualTo("SelfAssessment, OnSiteVerification"));
            Assert.That(evaluation.Scores, Is.Empty);
        }
    }

    [Test]
    public void Record_ByARoleTheSourceDoesNotName_IsForbidden()
    {
        var evaluation = Open();

        var refusal = evaluation.Record(Scheme, "OnSiteVerification", 99m, Scorer, Role.UnitLeader, "", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal!.Kind, Is.EqualTo(ErrorKind.Forbidden));
            Assert.That(refusal.Code, Is.EqualTo("evaluation.role-may-not-score"));
            Assert.That(refusal.Args["source"], Is.EqualTo("OnSiteVerification"));
            Assert.That(refusal.Args["role"], Is.EqualTo("UnitLeader"));
            Assert.That(refusal.Args["roles"], Is.EqualTo("InspectionOffice, InspectionGroup"));
            Assert.That(evaluation.Scores, Is.Empty);
        }
    }

    [TestCase(100, "好")]
    [TestCase(90, "好")]
    [TestCase(89.99, "较好")]
    [TestCase(80, "较好")]
    [TestCase(79.99, "一般")]
    [TestCase(60, "一般")]
    [TestCase(59.99, "差")]
    [TestCase(0, "差")]
    public void GradeFor_IsTheHighestGradeTheScoreReaches(decimal score, string grade)
    {
        Assert.That(Scheme.GradeFor(score).Label.ZhCn, Is.EqualTo(grade));
    }

    [Test]
    public void Source_FindsByNameOrNull()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Scheme.Source("OnSiteVerification")!.Weight, Is.EqualTo(0.7m));
            Assert.That(Scheme.Source("Rumour"), Is.Null);
        }
    }

    [Test]
    public void Record_TheOnlySourceOfASingleSourceScheme_GivesItsScoreAsTheComposite()
    {
        var single = new EvaluationScheme(1,
            [new EvaluationSource("OnSiteVerification", 1m, [Role.InspectionOffice], new("察访核验", "On-site verification"))],
            [new EvaluationGrade(0, new("差", "Poor")), new EvaluationGrade(80, new("较好", "Good"))]);
        var evaluation = EffectEvaluation.Open(Inspection, UnitId, single.Version);

        var refusal = evaluation.Record(single, "OnSiteVerification", 82.25m, Scorer, Role.InspectionOffice, "verified", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Is.Null);
            Assert.That(evaluation.Composite, Is.EqualTo(82.25m));
            Assert.That(evaluation.Grade, Is.EqualTo("较好"));
        }
    }
}
