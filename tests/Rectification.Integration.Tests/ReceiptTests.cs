using Microsoft.EntityFrameworkCore;
using Rectification.Application.Clues;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Receipts;
using Rectification.Domain.Auditing;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Receipts;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>签收: feedback, a returned plan, a handover sheet and an escalation are acknowledged by the receiving unit within the limit of workflows/reminders.yaml.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ReceiptTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task Feedback_WhenAcknowledgedByTheUnit_ShowsWhoAndWhenAndIsAudited()
    {
        var (planId, receipt) = await FedBack(Org.Bureau);

        var acknowledged = Ok(await Host.Send<ReceiptDto>("b1-liaison", new AcknowledgeReceipt(receipt.Id)));
        var pending = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>("b1-leader", new ListReceipts()));
        var history = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>("office", new ListReceipts(CaseId: planId)));
        var audit = await Host.Query(db => db.AuditEntries.Where(a => a.EntityId == receipt.Id).OrderBy(a => a.Sequence).ToListAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(receipt.Kind, Is.EqualTo(ReceiptKind.Feedback));
            Assert.That(receipt.DueDate, Is.GreaterThan(Host.Clock.Today), "three working days to acknowledge");
            Assert.That(acknowledged.State, Is.EqualTo(ReceiptStates.Acknowledged));
            Assert.That(acknowledged.AcknowledgedByName, Is.EqualTo("b1-liaison"));
            Assert.That(acknowledged.AcknowledgedByRole, Is.EqualTo(Role.UnitLiaison));
            Assert.That(acknowledged.AcknowledgedAt, Is.EqualTo(Host.Clock.GetUtcNow().UtcDateTime));
            Assert.That(acknowledged.Late, Is.False);
            Assert.That(pending.Select(r => r.Id), Does.Not.Contain(receipt.Id), "no longer pending");
            Assert.That(history.Single().AcknowledgedByName, Is.EqualTo("b1-liaison"));
            Assert.That(audit.Select(a => a.Command), Is.EqualTo(new[] { nameof(FeedBackInspection), nameof(AcknowledgeReceipt) }));
            Assert.That(audit[1].UserName, Is.EqualTo("b1-liaison"));
            Assert.That(audit[1].After, Does.Contain(ReceiptStates.Acknowledged));
        }
    }

    [Test]
    public async Task Acknowledge_WhenAlreadyAcknowledged_IsAConflictAndKeepsTheFirst()
    {
        var (_, receipt) = await FedBack(Org.Bureau);
        Ok(await Host.Send<ReceiptDto>("b1-leader", new AcknowledgeReceipt(receipt.Id)));

        var again = await Host.Send<ReceiptDto>("b1-liaison", new AcknowledgeReceipt(receipt.Id));
        var stored = await Host.Query(db => db.Receipts.SingleAsync(r => r.Id == receipt.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Error?.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(again.Error?.Code, Is.EqualTo("receipt.already-acknowledged"));
            Assert.That(stored.AcknowledgedByName, Is.EqualTo("b1-leader"));
        }
    }

    [Test]
    public async Task Acknowledge_WhenTheRoleDoesNotReceiveThatKind_IsForbidden()
    {
        var (_, receipt) = await FedBack(Org.Bureau);

        var result = await Host.Send<ReceiptDto>("discipline", new AcknowledgeReceipt(receipt.Id));

        Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
        Assert.That(result.Error?.Code, Is.EqualTo("receipt.not-receiver"));
    }

    [Test]
    public async Task Acknowledge_WhenTheReceiptIsAnotherUnits_AnswersNotFound()
    {
        var (_, receipt) = await FedBack(Org.Bureau);

        var result = await Host.Send<ReceiptDto>("h1-liaison", new AcknowledgeReceipt(receipt.Id));
        var listed = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>("h1-liaison", new ListReceipts()));

        Assert.That(result.Error?.Code, Is.EqualTo("not-found"));
        Assert.That(listed.Select(r => r.Id), Does.Not.Contain(receipt.Id));
    }

    [Test]
    public async Task Ladder_WhenAFeedbackIsNotAcknowledged_RemindsThenEscalates_AndALateAcknowledgementIsRecordedAsLate()
    {
        var (_, receipt) = await FedBack(Org.Township);

        await SweepOn(receipt.DueDate.AddDays(-1));
        var before = await Messages(receipt.Id);
        await SweepOn(receipt.DueDate);
        var dueToday = await Messages(receipt.Id);
        await SweepOn(receipt.DueDate.AddDays(2));
        var overdue = await Messages(receipt.Id);
        var listed = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>("t1-leader", new ListReceipts())).Single(r => r.Id == receipt.Id);
        var late = Ok(await Host.Send<ReceiptDto>("t1-leader", new AcknowledgeReceipt(receipt.Id)));
        await SweepOn(receipt.DueDate.AddDays(30));
        var afterwards = await Messages(receipt.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.Empty);
            Assert.That(dueToday.Select(m => (m.Event, m.RecipientEmail, m.Template)), Is.EqualTo(new[] { ("receipt-due-today", "t1-liaison@test.local", "receipt-reminder") }));
            Assert.That(overdue.Where(m => m.Event == "receipt-overdue-2-days").Select(m => (m.RecipientEmail, m.IsCopy)),
                Is.EquivalentTo(new[] { ("t1-leader@test.local", false), ("office@test.local", true) }));
            Assert.That(listed.Overdue, Is.True);
            Assert.That(late.Late, Is.True, "acknowledged after the limit: recorded, and marked late");
            Assert.That(late.State, Is.EqualTo(ReceiptStates.Acknowledged));
            Assert.That(afterwards, Has.Count.EqualTo(overdue.Count), "an acknowledged receipt is chased no more");
        }
    }

    [Test]
    public async Task ReturnedPlan_WhenReturned_IsToBeAcknowledgedByTheUnit()
    {
        var inspection = await NewInspection(Org.Bureau);
        var problem = await NewProblem(inspection);
        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        Ok(await Host.Send<PlanDto>("b1-liaison", new EditLedgerLine(feedback.PlanId, problem.Id, "整改", "张书记", "办公室", RectificationKind.TimeLimited, Host.Clock.Today.AddDays(60))));
        Ok(await Host.Send<PlanDto>("b1-liaison", new SubmitPlan(feedback.PlanId)));
        Ok(await Host.Send<PlanDto>("organization", new ReturnPlan(feedback.PlanId, "措施不具体", null)));

        var receipts = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>("b1-leader", new ListReceipts(CaseId: feedback.PlanId)));
        var returned = receipts.Single(r => r.Kind == ReceiptKind.ReturnedPlan);
        var acknowledged = Ok(await Host.Send<ReceiptDto>("b1-leader", new AcknowledgeReceipt(returned.Id)));

        Assert.That(receipts.Select(r => r.Kind), Is.EquivalentTo(new[] { ReceiptKind.Feedback, ReceiptKind.ReturnedPlan }));
        Assert.That(acknowledged.AcknowledgedByName, Is.EqualTo("b1-leader"));
    }

    [Test]
    public async Task HandoverSheet_IsAcknowledgedByTheDisciplineCommission_NotByTheUnit()
    {
        var inspection = await NewInspection(Org.Bureau);
        var clue = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "反映违规发放津补贴", SheetColour.Red)));
        var receipt = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>("discipline", new ListReceipts(CaseId: clue.Id))).Single();

        var byUnit = await Host.Send<ReceiptDto>("b1-leader", new AcknowledgeReceipt(receipt.Id));
        var byCommission = Ok(await Host.Send<ReceiptDto>("d1-discipline", new AcknowledgeReceipt(receipt.Id)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(receipt.Kind, Is.EqualTo(ReceiptKind.HandoverSheet));
            Assert.That(receipt.CaseType, Is.EqualTo(Clue.Lifecycle));
            // The sheet is confidential to the commission and the inspection side: to the unit it is as if it did not exist.
            Assert.That(byUnit.Error?.Code, Is.EqualTo("not-found"));
            Assert.That(byCommission.AcknowledgedByRole, Is.EqualTo(Role.DisciplineCommission));
        }
    }

    [Test]
    public async Task Escalation_WhenTheLadderEscalatesAnOverdueProblem_IsToBeAcknowledgedByTheUnitLeader()
    {
        var problem = (await InRectification(Org.Hospital)).Problems[0];

        await SweepOn(problem.Deadline!.Value.AddDays(3));
        var receipt = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>("h1-leader", new ListReceipts(CaseId: problem.Id))).Single(r => r.Kind == ReceiptKind.Escalation);
        var byLiaison = await Host.Send<ReceiptDto>("h1-liaison", new AcknowledgeReceipt(receipt.Id));
        var byLeader = Ok(await Host.Send<ReceiptDto>("h1-leader", new AcknowledgeReceipt(receipt.Id)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(receipt.Step, Is.EqualTo("overdue-3-days"));
            Assert.That(receipt.CaseType, Is.EqualTo(Problem.Lifecycle));
            Assert.That(byLiaison.Error?.Code, Is.EqualTo("receipt.not-receiver"));
            Assert.That(byLeader.Late, Is.False);
        }
    }

    private async Task<(Guid PlanId, ReceiptDto Receipt)> FedBack(Domain.Organization.Unit unit)
    {
        var inspection = await NewInspection(unit);
        await NewProblem(inspection);
        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        var receipts = Ok(await Host.Send<IReadOnlyList<ReceiptDto>>("office", new ListReceipts(CaseId: feedback.PlanId)));
        return (feedback.PlanId, receipts.Single());
    }

    private Task<List<OutboxMessage>> Messages(Guid caseId) =>
        Host.Query(db => db.Outbox.Where(m => m.CaseId == caseId).OrderBy(m => m.CreatedAt).ThenBy(m => m.RecipientEmail).ToListAsync());
}
