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

public sealed record SelfCheckRow(Guid TaskId, Guid UnitId, string UnitName, string State, DateOnly DueDate, bool Overdue, DateTime? AnsweredAt,
    string? AnsweredByName, string? Statement, Guid? OpenedProblemId, string? OpenedProblemState, bool Late);

/// <summary>The progress of a push, counted over the units in the reader's scope: answered "not present", opened a problem, pending.</summary>
public sealed record PushProgressDto(Guid Id, Guid ProblemId, string Title, string Note, DateTime PushedAt, DateOnly DueDate,
    int Units, int NotPresent, int Opened, int Pending, int Overdue, int Late, IReadOnlyList<SelfCheckRow> Rows);

/// <summary>A unit's task: what to check, and its answer. The push itself belongs to the source problem's unit, so it is not named here.</summary>
public sealed record SelfCheckDto(Guid Id, Guid UnitId, string Title, string Description, string Category, string Note, string State,
    DateOnly DueDate, bool Overdue, DateTime? AnsweredAt, string? AnsweredByName, string? Statement, Guid? OpenedProblemId, bool Late, long Version)
{
    public static SelfCheckDto From(SelfCheckTask t, CommonProblemPush p, DateOnly today) => new(t.Id, t.UnitId, p.Title, p.Description, p.Category,
        p.Note, t.State, t.DueDate, t.State == SelfCheckStates.Pending && today > t.DueDate, t.AnsweredAt, t.AnsweredByName, t.Statement, t.OpenedProblemId, t.Late, t.Version);
}

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

/// <summary>A push and the answers of the units in the reader's scope.</summary>
public sealed record GetCommonProblemPush(Guid PushId) : IAppQuery<PushProgressDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.CommonPush, PushId);
}

public sealed class GetCommonProblemPushHandler(IAppDbContext db, ICurrentUser user, ScopeResolver scopes, TimeProvider clock)
    : IQueryHandler<GetCommonProblemPush, Result<PushProgressDto>>
{
    public async ValueTask<Result<PushProgressDto>> Handle(GetCommonProblemPush query, CancellationToken ct)
    {
        var push = await db.CommonProblemPushes.AsNoTracking().FirstAsync(p => p.Id == query.PushId, ct);
        var inScope = scopes.UnitsInScope(user);
        var tasks = await db.SelfCheckTasks.AsNoTracking().Where(t => t.PushId == push.Id && inScope.Contains(t.UnitId)).ToListAsync(ct);
        var unitIds = tasks.Select(t => t.UnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var problemIds = tasks.Where(t => t.OpenedProblemId != null).Select(t => t.OpenedProblemId!.Value).ToList();
        var states = await db.Problems.AsNoTracking().Where(p => problemIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.State, ct);
        return PushProgress.Of(push, tasks, names, states, OfficeTime.Today(clock));
    }
}

internal static class PushProgress
{
    public static PushProgressDto Of(CommonProblemPush push, IReadOnlyList<SelfCheckTask> tasks, IReadOnlyDictionary<Guid, string> unitNames,
        IReadOnlyDictionary<Guid, string> problemStates, DateOnly today)
    {
        var rows = tasks
            .Select(t => new SelfCheckRow(t.Id, t.UnitId, unitNames.GetValueOrDefault(t.UnitId, ""), t.State, t.DueDate,
                t.State == SelfCheckStates.Pending && today > t.DueDate, t.AnsweredAt, t.AnsweredByName, t.Statement, t.OpenedProblemId,
                t.OpenedProblemId is { } p ? problemStates.GetValueOrDefault(p) : null, t.Late))
            .OrderBy(r => r.UnitName, StringComparer.Ordinal)
            .ToList();
        return new PushProgressDto(push.Id, push.ProblemId, push.Title, push.Note, push.PushedAt, push.DueDate, rows.Count,
            rows.Count(r => r.State == SelfCheckStates.NotPresent), rows.Count(r => r.State == SelfCheckStates.Opened),
            rows.Count(r => r.State == SelfCheckStates.Pending), rows.Count(r => r.Overdue), rows.Count(r => r.Late), rows);
    }
}

/// <summary>Self-check tasks pushed to units in the user's scope.</summary>
public sealed record ListSelfChecks(string? State = null) : IAppQuery<IReadOnlyList<SelfCheckDto>>;

public sealed class ListSelfChecksValidator : AbstractValidator<ListSelfChecks>
{
    public ListSelfChecksValidator() =>
        RuleFor(q => q.State).Must(s => s is null || SelfCheckStates.All.Contains(s)).WithMessage($"State is one of {string.Join(", ", SelfCheckStates.All)}.");
}

public sealed class ListSelfChecksHandler(IAppDbContext db, ICurrentUser user, ScopeResolver scopes, TimeProvider clock)
    : IQueryHandler<ListSelfChecks, Result<IReadOnlyList<SelfCheckDto>>>
{
    public async ValueTask<Result<IReadOnlyList<SelfCheckDto>>> Handle(ListSelfChecks query, CancellationToken ct)
    {
        var inScope = scopes.UnitsInScope(user);
        var tasks = db.SelfCheckTasks.AsNoTracking().Where(t => inScope.Contains(t.UnitId));
        if (query.State is { } state) tasks = tasks.Where(t => t.State == state);
        var rows = await tasks.OrderBy(t => t.DueDate).ThenBy(t => t.Id).Take(1000)
            .Join(db.CommonProblemPushes.AsNoTracking(), t => t.PushId, p => p.Id, (t, p) => new { t, p })
            .ToListAsync(ct);
        var today = OfficeTime.Today(clock);
        return rows.Select(r => SelfCheckDto.From(r.t, r.p, today)).ToList();
    }
}

public abstract record SelfCheckAnswer(Guid TaskId) : IAppCommand<SelfCheckDto>, IScoped
{
    public ScopeTarget Target => new(TargetKind.SelfCheck, TaskId);
}

/// <summary>The unit finds the common problem is not present there, and says so in a statement it answers for.</summary>
[AllowedRoles(Role.UnitLiaison, Role.UnitLeader)]
public sealed record AnswerSelfCheckNotPresent(Guid TaskId, string Statement) : SelfCheckAnswer(TaskId);

public sealed class AnswerSelfCheckNotPresentValidator : AbstractValidator<AnswerSelfCheckNotPresent>
{
    public AnswerSelfCheckNotPresentValidator() => RuleFor(c => c.Statement).NotEmpty().MaximumLength(4000);
}

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

public sealed class SelfCheckAnswerHandlers(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILifecycleCatalog catalog, PlanOpener plans, RaisedEvents events)
    : ICommandHandler<AnswerSelfCheckNotPresent, Result<SelfCheckDto>>, ICommandHandler<OpenSelfCheckProblem, Result<SelfCheckDto>>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async ValueTask<Result<SelfCheckDto>> Handle(AnswerSelfCheckNotPresent command, CancellationToken ct)
    {
        var (task, push) = await LoadAsync(command.TaskId, ct);
        return task.AnswerNotPresent(user.UserId ?? Guid.Empty, user.UserName, command.Statement.Trim(), Now) is { } refusal
            ? refusal
            : SelfCheckDto.From(task, push, OfficeTime.DayOf(Now));
    }

    public async ValueTask<Result<SelfCheckDto>> Handle(OpenSelfCheckProblem command, CancellationToken ct)
    {
        var (task, push) = await LoadAsync(command.TaskId, ct);
        if (task.CheckNotAnswered() is { } answered)
        {
            return answered;
        }

        var today = OfficeTime.DayOf(Now);
        var inspection = Inspection.Register(Guid.CreateVersion7(), push.RoundId, task.UnitId, InspectionKind.SelfCheck, "未巡先改自查", today, today);
        db.Inspections.Add(inspection);
        var unitCode = await db.Units.Where(u => u.Id == task.UnitId).Select(u => u.Code).FirstAsync(ct);
        var problemDefinition = catalog.Current(Problem.Lifecycle);
        var problem = Problem.Register(problemDefinition, Guid.CreateVersion7(), inspection.Id, task.UnitId, $"{unitCode}-ZC-{task.Id.ToString("N")[^6..]}",
            push.Title, command.Description, push.Category, command.Severity, new Dossier(command.Facts, $"未巡先改：{push.Title}", ""), false, Now);
        db.Problems.Add(problem);
        var machine = catalog.MachineFor(problem, push.PushedByRole, Now);
        if (problem.FeedBack(machine, push.PushedByRole, Now) is { } refusal)
        {
            return refusal;
        }

        var plan = await plans.OpenOrGetAsync(inspection, Now, ct);
        plan.Cover(problem);
        inspection.MarkFedBack(Now);
        events.Raise(catalog.Get(Plan.Lifecycle, plan.DefinitionVersion), plan, "FeedBack");
        return task.AnswerOpened(user.UserId ?? Guid.Empty, user.UserName, problem.Id, Now) is { } late
            ? late
            : SelfCheckDto.From(task, push, today);
    }

    private async Task<(SelfCheckTask Task, CommonProblemPush Push)> LoadAsync(Guid taskId, CancellationToken ct)
    {
        var task = await db.SelfCheckTasks.FirstAsync(t => t.Id == taskId, ct);
        var push = await db.CommonProblemPushes.AsNoTracking().FirstAsync(p => p.Id == task.PushId, ct);
        return (task, push);
    }
}
