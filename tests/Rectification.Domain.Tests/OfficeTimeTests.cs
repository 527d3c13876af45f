using Rectification.Domain.Common;

namespace Rectification.Domain.Tests;

/// <summary>The office day and wall clock are Beijing's (UTC+8, no daylight saving), whatever the server's zone.</summary>
[TestFixture]
public sealed class OfficeTimeTests
{
    [TestCase("2026-05-08T23:30:00Z", "2026-05-09", TestName = "23:30 UTC is 07:30 the next morning in Beijing")]
    [TestCase("2026-05-08T15:59:59Z", "2026-05-08", TestName = "15:59:59 UTC is 23:59:59 the same day in Beijing")]
    [TestCase("2026-05-08T16:00:00Z", "2026-05-09", TestName = "16:00 UTC is midnight, the next day, in Beijing")]
    [TestCase("2026-12-31T20:00:00Z", "2027-01-01", TestName = "New Year comes to the office eight hours before UTC")]
    public void DayOf_AnInstant_IsItsDateInBeijing(string utc, string day)
    {
        var instant = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.That(OfficeTime.DayOf(instant), Is.EqualTo(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void LocalOf_AnInstant_IsEightHoursAhead()
    {
        var local = OfficeTime.LocalOf(new DateTime(2026, 5, 8, 23, 30, 0, DateTimeKind.Utc));

        Assert.That(local, Is.EqualTo(new DateTime(2026, 5, 9, 7, 30, 0)));
    }

    [Test]
    public void Find_AnUnknownZone_IsNull()
    {
        Assert.That(OfficeTime.Find("Mars/Olympus_Mons"), Is.Null);
    }

    [Test]
    public void Find_TheDefault_IsAlwaysKnown()
    {
        Assert.That(OfficeTime.Find(OfficeTime.DefaultZoneId)!.GetUtcOffset(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)), Is.EqualTo(TimeSpan.FromHours(8)));
    }
}
