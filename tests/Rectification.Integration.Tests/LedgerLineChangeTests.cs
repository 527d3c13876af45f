using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Domain.Common;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>A material change of an accepted ledger line is proposed, and in force only once the supervising side accepts it.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class LedgerLineChangeTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task MaterialChange_IsInForceOnlyAfterAcceptance_AndTheOldLineStaysInHistory()
    {
        var (inspection, planId, problems) = await InRectification(Org.Bureau);
        var problem = problems[0];
        var later = problem.Deadline!.Value.AddDays(30);

        var proposed = Ok(await Host.Send<LineChangeDto>("b1-liaison", Change(planId, problem.Id, "另行建立长效机制", "李副局长", later)));
        var planWhileProposed = Ok(await Host.Send<PlanDto>("b1-liaison", new GetPlanOfInspection(inspection.Id)));
        var problemWhileProposed = Ok(await Host.Send<ProblemDetail>("b1-liaison", new GetProblem(problem.Id))).Summary;
        var accepted = Ok(await Host.Send<LineChangeDto>("discipline", new DecideLedgerLineChange(proposed.Id, true, "同意调整")));
        var plan = Ok(await Host.Send<PlanDto>("b1-liaison", new GetPlanOfInspection(inspection.Id)));
        var problemAfter = Ok(await Host.Send<ProblemDetail>("b1-liaison", new GetProblem(problem.Id))).Summary;
        var history = Ok(await Host.Send<IReadOnlyList<LineChangeDto>>("office", new ListLedgerLineChanges(planId)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(proposed.Status, Is.EqualTo(LineChangeStatus.Proposed));
            Assert.That(proposed.Material, Is.True);
            Assert.That(proposed.ChangedFields, Is.EquivalentTo(new[] { "Measures", "ResponsibleLeader", "Deadline" }));
            Assert.That(planWhileProposed.Lines.Single().Measures, Is.EqualTo("修订议事规则，逐项整改"), "the accepted line stays in force while the change waits");
            Assert.That(problemWhileProposed.Deadline, Is.EqualTo(problem.Deadline));
            Assert.That(accepted.Status, Is.EqualTo(LineChangeStatus.Accepted));
            Assert.That(plan.Lines.Single().Measures, Is.EqualTo("另行建立长效机制"));
            Assert.That(plan.Lines.Single().ResponsibleLeader, Is.EqualTo("李副局长"));
            Assert.That(problemAfter.Deadline, Is.EqualTo(later), "the problem is chased against the accepted new deadline");
            Assert.That(plan.Revisions, Has.Count.EqualTo(2), "the accepted change is a new revision; the old one keeps the old line");
            Assert.That(plan.Revisions[0].Lines.Single().Measures, Is.EqualTo("修订议事规则，逐项整改"));
            Assert.That(plan.Revisions[1].Outcome, Is.EqualTo(ScreeningOutcome.Accepted));
            Assert.That(history.Single().Before.Deadline, Is.EqualTo(problem.Deadline));
            Assert.That(history.Single().After.Deadline, Is.EqualTo(later));
        }
    }

    [Test]
    public async Task MaterialChange_WhenRefused_LeavesTheAcceptedLineInForce()
    {
        var (inspection, planId, problems) = await InRectification(Org.Township);

        var proposed = Ok(await Host.Send<LineChangeDto>("t1-leader", Change(planId, problems[0].Id, "修订议事规则，逐项整改", "王科长", problems[0].Deadline!.Value)));
        var withoutReason = await Host.Send<LineChangeDto>("organization", new DecideLedgerLineChange(proposed.Id, false, null));
        var refused = Ok(await Host.Send<LineChangeDto>("organization", new DecideLedgerLineChange(proposed.Id, false, "责任领导调整理由不充分")));
        var again = await Host.Send<LineChangeDto>("discipline", new DecideLedgerLineChange(proposed.Id, true, "同意"));
        var plan = Ok(await Host.Send<PlanDto>("t1-leader", new GetPlanOfInspection(inspection.Id)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withoutReason.Error?.Code, Is.EqualTo("validation.failed"));
            Assert.That(refused.Status, Is.EqualTo(LineChangeStatus.Refused));
            Assert.That(refused.DecisionComment, Is.EqualTo("责任领导调整理由不充分"));
            Assert.That(again.Error?.Code, Is.EqualTo("ledger-change.already-decided"));
            Assert.That(plan.Lines.Single().ResponsibleLeader, Is.EqualTo("张书记"));
            Assert.That(plan.Revisions, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task EarlierDeadlineAlone_IsNotMaterial_AndAppliesAtOnce()
    {
        var (inspection, planId, problems) = await InRectification(Org.Bureau);
        var earlier = problems[0].Deadline!.Value.AddDays(-20);

        var change = Ok(await Host.Send<LineChangeDto>("b1-liaison", Change(planId, problems[0].Id, "修订议事规则，逐项整改", "张书记", earlier)));
        var problem = Ok(await Host.Send<ProblemDetail>("b1-liaison", new GetProblem(problems[0].Id))).Summary;

        Assert.That(change.Material, Is.False);
        Assert.That(change.Status, Is.EqualTo(LineChangeStatus.AppliedAtOnce));
        Assert.That(problem.Deadline, Is.EqualTo(earlier));
    }

    [Test]
    public async Task Propose_IsRefused_ForTheWrongRoleAnotherUnitAPendingChangeNoChangeAndAnUnacceptedPlan()
    {
        var (_, planId, problems) = await InRectification(Org.Bureau);
        var id = problems[0].Id;
        var deadline = problems[0].Deadline!.Value;

        var wrongRole = await Host.Send<LineChangeDto>("discipline", Change(planId, id, "新措施", "张书记", deadline));
        var otherUnit = await Host.Send<LineChangeDto>("h1-liaison", Change(planId, id, "新措施", "张书记", deadline));
        var nothing = await Host.Send<LineChangeDto>("b1-liaison", Change(planId, id, "修订议事规则，逐项整改", "张书记", deadline));
        var tooLate = await Host.Send<LineChangeDto>("b1-liaison", Change(planId, id, "新措施", "张书记", deadline.AddYears(3)));
        Ok(await Host.Send<LineChangeDto>("b1-liaison", Change(planId, id, "新措施", "张书记", deadline)));
        var second = await Host.Send<LineChangeDto>("b1-leader", Change(planId, id, "再换措施", "张书记", deadline));
        var pending = Ok(await Host.Send<IReadOnlyList<LineChangeDto>>("b1-leader", new ListLedgerLineChanges(planId))).Single();
        var decidedByUnit = await Host.Send<LineChangeDto>("b1-leader", new DecideLedgerLineChange(pending.Id, true, "自己同意"));
        var decidedByOtherDistrict = await Host.Send<LineChangeDto>("d2-office", new DecideLedgerLineChange(pending.Id, true, "同意"));

        var drafting = await NewInspection(Org.Bureau);
        var draftProblem = await NewProblem(drafting);
        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(drafting.Id)));
        var notAccepted = await Host.Send<LineChangeDto>("b1-liaison", Change(feedback.PlanId, draftProblem.Id, "新措施", "张书记", Host.Clock.Today.AddDays(30)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wrongRole.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
            Assert.That(otherUnit.Error?.Code, Is.EqualTo("not-found"));
            Assert.That(nothing.Error?.Code, Is.EqualTo("ledger-change.nothing-changed"));
            Assert.That(tooLate.Error?.Code, Is.EqualTo("ledger.deadline-out-of-limits"));
            Assert.That(second.Error?.Code, Is.EqualTo("ledger-change.already-proposed"));
            Assert.That(decidedByUnit.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden), "the unit cannot accept its own change");
            Assert.That(decidedByOtherDistrict.Error?.Code, Is.EqualTo("not-found"));
            Assert.That(notAccepted.Error?.Code, Is.EqualTo("ledger-change.plan-not-accepted"));
        }
    }

    private static ProposeLedgerLineChange Change(Guid planId, Guid problemId, string measures, string leader, DateOnly deadline) =>
        new(planId, problemId, measures, leader, "办公室", RectificationKind.TimeLimited, deadline, "上级部署调整");
}
