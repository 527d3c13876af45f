using System.Text.Json;
using Rectification.Domain.Auditing;
using Rectification.Domain.Clues;
using Rectification.Domain.Inspections;
using Rectification.Domain.Lifecycles;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Infrastructure.Lifecycles;
using Rectification.Infrastructure.Persistence;
using DomainUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Email.Tests.Support;

/// <summary>
/// A city, one inspected unit with its leader and liaison, the city's supervising users, one inspection with a
/// problem in rectification, its plan and a red-sheet clue: every kind of case a notification can be about.
/// </summary>
public sealed class World
{
    public const string ProblemTitle = "专项资金 <审批> & 报销不规范";

    private static readonly Lazy<IReadOnlyDictionary<string, LifecycleDefinition>> Definitions = new(() =>
        LifecycleCatalog.ReadFolder(Repo.WorkflowsFolder).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!));

    public DomainUnit City { get; } = DomainUnit.Create(Guid.CreateVersion7(), "C", "测试市", UnitLevel.City, null);
    public DomainUnit Bureau { get; private set; } = null!;
    public UserAccount Leader { get; private set; } = null!;
    public UserAccount Liaison { get; private set; } = null!;
    public UserAccount Discipline { get; private set; } = null!;
    public UserAccount Office { get; private set; } = null!;
    public UserAccount French { get; private set; } = null!;
    public Problem Problem { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public Clue Clue { get; private set; } = null!;
    public Inspection Inspection { get; private set; } = null!;
    public DateOnly Deadline { get; private set; }

    /// <param name="now">The clock's time when seeding; the problem's deadline is ten days before it.</param>
    public static async Task<World> SeedAsync(RectificationDbContext db, DateTime now)
    {
        var world = new World();
        world.Bureau = DomainUnit.Create(Guid.CreateVersion7(), "B1", "测试市财政局", UnitLevel.Bureau, world.City);
        db.Units.AddRange(world.City, world.Bureau);
        world.Leader = User(db, "b1-leader", "王局长", Role.UnitLeader, world.Bureau, "zh-CN");
        world.Liaison = User(db, "b1-liaison", "Li Liaison", Role.UnitLiaison, world.Bureau, "en");
        world.Discipline = User(db, "discipline", "纪委监委联络员", Role.DisciplineCommission, world.City, "zh-CN");
        world.Office = User(db, "office", "Office Clerk", Role.InspectionOffice, world.City, "en");
        world.French = User(db, "organisation", "Claire", Role.OrganizationDepartment, world.City, "fr");

        var round = Round.Create(Guid.CreateVersion7(), "十二届市委第三轮巡察", 2026, 3);
        var inspection = Inspection.Register(Guid.CreateVersion7(), round.Id, world.Bureau.Id, InspectionKind.Regular, "市委第一巡察组",
            new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 27));
        db.Rounds.Add(round);
        db.Inspections.Add(inspection);
        world.Inspection = inspection;

        var problems = Definitions.Value[Problem.Lifecycle];
        world.Deadline = DateOnly.FromDateTime(now).AddDays(-10);
        world.Problem = Problem.Register(problems, Guid.CreateVersion7(), inspection.Id, world.Bureau.Id, "XC-2026-001", ProblemTitle,
            "描述", "资金管理", Severity.General, new Dossier("事实", "依据", "过程"), false, now.AddDays(-60));
        Require(world.Problem.FeedBack(new LifecycleMachine(problems, world.Problem, Role.InspectionOffice, now), Role.InspectionOffice, now.AddDays(-59)));
        Require(world.Problem.StartRectification(new LifecycleMachine(problems, world.Problem, Role.System, now), RectificationKind.TimeLimited,
            world.Deadline, now.AddDays(-40)));
        db.Problems.Add(world.Problem);

        world.Plan = Plan.Open(Definitions.Value[Plan.Lifecycle], Guid.CreateVersion7(), inspection.Id, world.Bureau.Id, DateOnly.FromDateTime(now).AddDays(30));
        db.Plans.Add(world.Plan);
        world.Clue = Clue.HandOver(Definitions.Value[Clue.Lifecycle], Guid.CreateVersion7(), inspection.Id, world.Bureau.Id, "XS-2026-007",
            "机密线索内容", SheetColour.Red, DateOnly.FromDateTime(now).AddDays(5), [], now);
        db.Clues.Add(world.Clue);

        await db.SaveChangesAsync();
        return world;
    }

    /// <summary>An outbox row as the command pipeline writes it.</summary>
    public static OutboxMessage Notification(DateTime now, string template, string @event, string caseType, Guid caseId, UserAccount to, bool copy, string state) =>
        new(Guid.CreateVersion7(), now, @event, template, caseType, caseId, to.Id, to.Email, to.Role.ToString(), copy, to.PreferredLanguage,
            JsonSerializer.Serialize(new Dictionary<string, object?> { ["lifecycle"] = caseType, ["caseId"] = caseId, ["state"] = state }));

    public OutboxMessage ProblemClosed(DateTime now, UserAccount to, bool copy = false) =>
        Notification(now, "problem-closed", "Close", Problem.Lifecycle, Problem.Id, to, copy, "Closed");

    private static UserAccount User(RectificationDbContext db, string name, string display, Role role, DomainUnit unit, string language)
    {
        var user = UserAccount.Create(Guid.CreateVersion7(), name, display, $"{name}@test.local", role, unit.Id, language);
        db.Users.Add(user);
        return user;
    }

    private static void Require(Rectification.Domain.Common.Error? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"Seeding refused: {refusal}");
        }
    }
}
