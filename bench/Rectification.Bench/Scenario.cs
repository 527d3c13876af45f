using System.Collections;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;
using Rectification.Domain.Reminders;
using Unit = Rectification.Domain.Organization.Unit;

namespace Rectification.Bench;

/// <summary>
/// The data set: a city with 8 districts of 12 units each (105 units, paths as <see cref="Unit.Create"/> makes them),
/// a leader and a liaison in every district and unit, the discipline commission and the inspection office at the
/// city, one round, one inspection per unit, and N problems in Rectifying spread round-robin over the 96 units.
/// Exactly <see cref="Due"/> problems, chosen at random (seeded), have their reminder date today; all others are
/// due far in the future, beyond the earliest before-due step. The before-due steps of the problems due today were
/// taken a week ago, as the sweep of that day would have done, so that today only the measured step fires.
/// </summary>
internal sealed class Scenario
{
    public const string MeasuredStep = "due-today";
    public const int DistrictCount = 8;
    public const int UnitsPerDistrict = 12;

    private readonly BitArray due;
    private readonly int farFrom;

    public Scenario(int problems, int dueCount, DateTime now, ReminderLadder problemLadder, int problemDefinitionVersion)
    {
        Problems = problems;
        Due = dueCount;
        Now = now;
        Today = DateOnly.FromDateTime(now);
        Ladder = problemLadder;
        ProblemDefinitionVersion = problemDefinitionVersion;
        Step = problemLadder.Steps.FirstOrDefault(s => s.Name == MeasuredStep)
            ?? throw new InvalidOperationException($"The problem ladder has no step '{MeasuredStep}'.");
        // Far enough ahead that no before-due step fires today for the other problems.
        var lead = problemLadder.Steps.Select(s => -s.OffsetDays).DefaultIfEmpty(0).Max();
        farFrom = Math.Max(30, lead + 1);

        due = new BitArray(problems);
        var random = new Random(20261123);
        var order = new int[problems];
        for (var i = 0; i < problems; i++) order[i] = i;
        for (var k = 0; k < dueCount; k++)
        {
            var j = random.Next(k, problems);
            (order[k], order[j]) = (order[j], order[k]);
            due[order[k]] = true;
        }

        BuildOrganization();
    }

    public int Problems { get; }
    public int Due { get; }
    public DateTime Now { get; }
    public DateOnly Today { get; }
    public ReminderLadder Ladder { get; }
    public ReminderStepDefinition Step { get; }
    public int ProblemDefinitionVersion { get; }

    public List<Unit> Units { get; } = [];
    public List<Unit> Targets { get; } = [];
    public List<UserAccount> Users { get; } = [];
    public List<Inspection> Inspections { get; } = [];
    public Round Round { get; private set; } = null!;
    private readonly List<Guid> liaisons = [];

    public bool IsDue(int problem) => due[problem];

    public int TargetOf(int problem) => problem % Targets.Count;

    public Guid ProblemId(int problem) => Ids.For(IdKind.Problem, problem);

    public string ProblemCode(int problem) => $"{Targets[TargetOf(problem)].Code}-W{problem / Targets.Count + 1:D6}";

    public Guid LiaisonOf(int problem) => liaisons[TargetOf(problem)];

    /// <summary>The reminder date (= the deadline: a time-limited problem): today, or 30 days to two years ahead.</summary>
    public DateOnly ReminderDueOf(int problem) =>
        due[problem] ? Today : Today.AddDays(farFrom + (int)(Mix((uint)problem) % 700));

    /// <summary>The other steps that fire for a date due today (before-due reminders), recorded as already taken.</summary>
    public IEnumerable<ReminderStepDefinition> EarlierStepsForToday =>
        Ladder.Steps.Where(s => s.Name != Step.Name && s.LatestDueDateFiringBy(Today) >= Today);

    private void BuildOrganization()
    {
        var seq = 0;
        var userSeq = 0;
        Unit AddUnit(string code, string name, UnitLevel level, Unit? parent)
        {
            var unit = Unit.Create(Ids.For(IdKind.Unit, seq++), code, name, level, parent);
            Units.Add(unit);
            return unit;
        }

        UserAccount AddUser(Unit unit, Role role, string suffix)
        {
            var user = UserAccount.Create(Ids.For(IdKind.User, userSeq++), $"{unit.Code.ToLowerInvariant()}-{suffix}", $"{unit.Name}{suffix}",
                $"{unit.Code.ToLowerInvariant()}-{suffix}@bench.rectification.local", role, unit.Id);
            Users.Add(user);
            return user;
        }

        var city = AddUnit("BM", "基准市", UnitLevel.City, null);
        AddUser(city, Role.DisciplineCommission, "discipline");
        AddUser(city, Role.InspectionOffice, "office");
        for (var d = 1; d <= DistrictCount; d++)
        {
            var district = AddUnit($"BM-D{d}", $"第{d}区", UnitLevel.County, city);
            AddUser(district, Role.UnitLeader, "leader");
            AddUser(district, Role.UnitLiaison, "liaison");
            for (var u = 1; u <= UnitsPerDistrict; u++)
            {
                var unit = AddUnit($"{district.Code}-{u:000}", $"第{d}区第{u}局", UnitLevel.Bureau, district);
                Targets.Add(unit);
                AddUser(unit, Role.UnitLeader, "leader");
                liaisons.Add(AddUser(unit, Role.UnitLiaison, "liaison").Id);
            }
        }

        Round = Round.Create(Ids.For(IdKind.Round, 0), $"{Today.Year}年第一轮巡察", Today.Year, 1);
        var start = Today.AddDays(-200);
        for (var t = 0; t < Targets.Count; t++)
        {
            var inspection = Inspection.Register(Ids.For(IdKind.Inspection, t), Round.Id, Targets[t].Id, InspectionKind.Regular, "市委第一巡察组", start, start.AddDays(60));
            inspection.MarkFedBack(Now.AddDays(-120));
            Inspections.Add(inspection);
        }
    }

    private static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x7feb352d;
        x ^= x >> 15;
        x *= 0x846ca68b;
        x ^= x >> 16;
        return x;
    }
}
