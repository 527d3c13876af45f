using Rectification.Application.Evaluations;
using Rectification.Domain.Common;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>Effect evaluation (整改效果评价) per workflows/evaluation.yaml: weighted sources, their scorers, the grade.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class EvaluationTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Composite_WhenEverySourceHasScored_IsTheWeightedSumWithItsGrade()
    {
        var inspection = await NewInspection(Org.Bureau);
        (string User, string Source, decimal Score)[] scores =
        [
            ("b1-leader", "SelfAssessment", 90), ("office", "PublicSurvey", 85), ("leadership", "LeadersInCharge", 88),
            ("discipline", "DisciplineCommission", 92), ("organization", "OrganizationDepartment", 80), ("office", "SupervisingBodies", 86),
        ];
        foreach (var (user, source, score) in scores)
        {
            Ok(await Host.Send<EvaluationDto>(user, new RecordEvaluationScore(inspection.Id, source, score, null)));
        }

        var incomplete = Ok(await Host.Send<EvaluationDto>("office", new GetEvaluation(inspection.Id)));
        var complete = Ok(await Host.Send<EvaluationDto>("group", new RecordEvaluationScore(inspection.Id, "OnSiteVerification", 78, "察访核验发现1项未整改到位")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(incomplete.Composite, Is.Null, "no composite until every source has scored");
            // 0.15×90 + 0.20×85 + 0.10×88 + 0.15×92 + 0.10×80 + 0.10×86 + 0.20×78 = 85.30
            Assert.That(complete.Composite, Is.EqualTo(85.30m));
            Assert.That(complete.Grade, Is.EqualTo("较好"));
            Assert.That(complete.Sources.Sum(s => s.Weight), Is.EqualTo(1m));
        }
    }

    [Test]
    public async Task Score_WhenRecordedByARoleTheSchemeDoesNotName_IsForbiddenAndNothingIsStored()
    {
        var inspection = await NewInspection(Org.Hospital);

        var selfScoredByOffice = await Host.Send<EvaluationDto>("office", new RecordEvaluationScore(inspection.Id, "SelfAssessment", 99, null));
        var unknown = await Host.Send<EvaluationDto>("office", new RecordEvaluationScore(inspection.Id, "Rumour", 50, null));
        var outOfRange = await Host.Send<EvaluationDto>("office", new RecordEvaluationScore(inspection.Id, "PublicSurvey", 101, null));
        var view = Ok(await Host.Send<EvaluationDto>("office", new GetEvaluation(inspection.Id)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(selfScoredByOffice.Error?.Code, Is.EqualTo("evaluation.role-may-not-score"));
            Assert.That(unknown.Error?.Code, Is.EqualTo("evaluation.unknown-source"));
            Assert.That(outOfRange.Error?.Kind, Is.EqualTo(ErrorKind.Validation));
            Assert.That(view.Sources.All(s => s.Score is null), Is.True);
        }
    }
}
