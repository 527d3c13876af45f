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
/// 未巡先改: the inspection side marks a problem common and pushes it as a self-check task to units within its scope: an
/// explicit list, or every unit below one unit (optionally of one level). The problem's own unit is left out.
/// </summary>
[AllowedRoles(Role.InspectionOffice, Role.InspectionGroup)]
public sealed record PushCommonProblem(Guid ProblemId, IReadOnlyList<Guid>? UnitIds, Guid? UnderUnitId, UnitLevel? Level, string? Note)
    : IAppCommand<PushProgressDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Problem, ProblemId);
}

public sealed class PushCommonProblemValidator : AbstractValidator<PushCommonProblem>
{
    public PushCommonProblemValidator()
    {
        RuleFor(c => c.UnitIds).Must(ids => ids is null || ids.Count <= 10_000).WithMessage("At most 10,000 units at once.");
        RuleFor(c => c.UnitIds).Empty().When(c => c.UnderUnitId is not null || c.Level is not null).WithMessage("Name units, or a unit and a level to push below, not both.");
        RuleFor(c => c.Level).IsInEnum();
        RuleFor(c => c.Note).MaximumLength(4000);
    }
}

public sealed class PushCommonProblemHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IReminderCatalog reminders, WorkingCalendar calendar,
    IVisibilityCatalog visibility)
    : ICommandHandler<PushCommonProblem, Result<PushProgressDto>>
{
    public async ValueTask<Result<PushProgressDto>> Handle(PushCommonProblem command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (reminders.Settings.SelfChecks is not { } rule)
        {
            return Error.Rule("common-problem.not-configured");
        }

        var problem = await db.Problems.AsNoTracking().FirstAsync(p => p.Id == command.ProblemId, ct);
        if (await db.CommonProblemPushes.AnyAsync(p => p.ProblemId == problem.Id, ct))
        {
            return Error.Conflict("common-problem.already-pushed", ("problem", problem.Code));
        }

        List<Domain.Organization.Unit> units;
        if (command.UnitIds is { Count: > 0 } ids)
        {
            var wanted = ids.Distinct().ToList();
            units = await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToListAsync(ct);
            // A unit outside the pusher's scope answers like one that does not exist.
            if (wanted.FirstOrDefault(id => units.All(u => u.Id != id || !ScopeResolver.Covers(user, u.Path))) is var missing && missing != Guid.Empty)
            {
                return Error.NotFound("Unit", missing);
            }
        }
        else
        {
            var root = user.UnitPath;
            if (command.UnderUnitId is { } under)
            {
                var path = await db.Units.Where(u => u.Id == under).Select(u => u.Path).FirstOrDefaultAsync(ct);
                if (path is null || !ScopeResolver.Covers(user, path))
                {
                    return Error.NotFound("Unit", under);
                }

                root = path;
            }

            var level = command.Level;
            units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(root) && (level == null || u.Level == level)).ToListAsync(ct);
        }

        units = units.Where(u => u.Id != problem.UnitId).ToList();
        if (units.Count == 0)
        {
            return Error.Rule("common-problem.no-units");
        }

        var roundId = await db.Inspections.Where(i => i.Id == problem.InspectionId).Select(i => i.RoundId).FirstAsync(ct);
        var due = calendar.Add(OfficeTime.DayOf(now), rule.AnswerWithin);
        var push = CommonProblemPush.Push(problem.Id, problem.UnitId, roundId, problem.Title, problem.Description, problem.Category, command.Note ?? "",
            user.UserId ?? Guid.Empty, user.Role, due, now);
        db.CommonProblemPushes.Add(push);
        var tasks = units.Select(u => SelfCheckTask.Open(push.Id, u.Id, due)).ToList();
        db.SelfCheckTasks.AddRange(tasks);

        // Telling the units is a courtesy here, not a rule: the ladder chases a task nobody read.
        var directory = await RecipientDirectory.LoadAsync(db, OfficeTime.DayOf(now), ct);
        foreach (var task in tasks)
        {
            var model = new MailModel(SelfCheckTask.Lifecycle, task.Id, task.UnitId) { State = task.State, Due = due };
            foreach (var spec in rule.PushTo)
            {
                foreach (var recipient in directory.Resolve(spec, task.UnitId, visibility.Rules, SelfCheckTask.Lifecycle))
                {
                    db.Queue(model, "Pushed", rule.PushTemplate, spec, recipient, now);
                }
            }
        }

        var names = units.ToDictionary(u => u.Id, u => u.Name);
        return PushProgress.Of(push, tasks, names, new Dictionary<Guid, string>(), OfficeTime.DayOf(now));
    }
}
