using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Application.Plans;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.CommonProblems;
using Rectification.Domain.Inspections;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Severity = Rectification.Domain.Problems.Severity;

namespace Rectification.Application.CommonProblems;

/// <summary>
/// The unit finds the common problem present and opens its own problem. The push stands for the feedback, so the problem
/// is fed back at once and a plan opened for it: from there it runs the normal lifecycle.
/// </summary>
[AllowedRoles(Role.UnitLiaison, Role.UnitLeader)]
public sealed record OpenSelfCheckProblem(Guid TaskId, string Description, string Facts, Severity Severity) : SelfCheckAnswer(TaskId);

public sealed class OpenSelfCheckProblemValidator : AbstractValidator<OpenSelfCheckProblem>
{
    public OpenSelfCheckProblemValidator()
    {
        RuleFor(c => c.Description).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.Facts).NotEmpty().MaximumLength(20_000);
        RuleFor(c => c.Severity).IsInEnum();
    }
}

public sealed class OpenSelfCheckProblemHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILifecycleCatalog catalog, PlanOpener plans, RaisedEvents events)
    : ICommandHandler<OpenSelfCheckProblem, Result<SelfCheckDto>>
{
    public async ValueTask<Result<SelfCheckDto>> Handle(OpenSelfCheckProblem command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (task, push) = await SelfCheckAnswers.LoadAsync(db, command.TaskId, ct);
        if (task.CheckNotAnswered() is { } answered)
        {
            return answered;
        }

        var today = OfficeTime.DayOf(now);
        var inspection = Inspection.Register(Guid.CreateVersion7(), push.RoundId, task.UnitId, InspectionKind.SelfCheck, "未巡先改自查", today, today);
        db.Inspections.Add(inspection);
        var unitCode = await db.Units.Where(u => u.Id == task.UnitId).Select(u => u.Code).FirstAsync(ct);
        var problemDefinition = catalog.Current(Problem.Lifecycle);
        var problem = Problem.Register(problemDefinition, Guid.CreateVersion7(), inspection.Id, task.UnitId, $"{unitCode}-ZC-{task.Id.ToString("N")[^6..]}",
            push.Title, command.Description, push.Category, command.Severity, new Dossier(command.Facts, $"未巡先改：{push.Title}", ""), false, now);
        db.Problems.Add(problem);
        var machine = catalog.MachineFor(problem, push.PushedByRole, now);
        if (problem.FeedBack(machine, push.PushedByRole, now) is { } refusal)
        {
            return refusal;
        }

        var plan = await plans.OpenOrGetAsync(inspection, now, ct);
        plan.Cover(problem);
        inspection.MarkFedBack(now);
        events.Raise(catalog.Get(Plan.Lifecycle, plan.DefinitionVersion), plan, "FeedBack");
        return task.AnswerOpened(user.UserId ?? Guid.Empty, user.UserName, problem.Id, now) is { } late
            ? late
            : SelfCheckDto.From(task, push, today);
    }
}
