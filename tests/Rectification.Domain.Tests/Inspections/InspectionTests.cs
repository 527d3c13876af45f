using Rectification.Domain.Inspections;

namespace Rectification.Domain.Tests.Inspections;

/// <summary>An inspection of one unit in one round; it counts as fed back from the first feedback meeting on.</summary>
[TestFixture]
public sealed class InspectionTests
{
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    private static readonly Guid RoundId = Guid.Parse("00000000-0000-0000-0000-0000000000e2");
    private static readonly Guid UnitId = Guid.Parse("00000000-0000-0000-0000-0000000000d1");

    private static Inspection Register() =>
        Inspection.Register(Id, RoundId, UnitId, InspectionKind.Special, "Group 2", new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 30));

    [Test]
    public void Register_KeepsTheRoundUnitKindGroupAndPeriod()
    {
        var inspection = Register();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(inspection.Id, Is.EqualTo(Id));
            Assert.That(inspection.RoundId, Is.EqualTo(RoundId));
            Assert.That(inspection.UnitId, Is.EqualTo(UnitId));
            Assert.That(inspection.Kind, Is.EqualTo(InspectionKind.Special));
            Assert.That(inspection.GroupName, Is.EqualTo("Group 2"));
            Assert.That(inspection.StartDate, Is.EqualTo(new DateOnly(2025, 3, 1)));
            Assert.That(inspection.EndDate, Is.EqualTo(new DateOnly(2025, 4, 30)));
            Assert.That(inspection.FedBackAt, Is.Null);
        }
    }

    [Test]
    public void MarkFedBack_KeepsTheFirstFeedback()
    {
        var inspection = Register();
        var first = new DateTime(2025, 5, 6, 2, 0, 0, DateTimeKind.Utc);

        inspection.MarkFedBack(first);
        inspection.MarkFedBack(first.AddDays(3));

        Assert.That(inspection.FedBackAt, Is.EqualTo(first));
    }

    [Test]
    public void CreateRound_KeepsItsNameYearAndNumber()
    {
        var round = Round.Create(RoundId, "12th committee, round 3", 2025, 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(round.Id, Is.EqualTo(RoundId));
            Assert.That(round.Name, Is.EqualTo("12th committee, round 3"));
            Assert.That(round.Year, Is.EqualTo(2025));
            Assert.That(round.Number, Is.EqualTo(3));
        }
    }
}
