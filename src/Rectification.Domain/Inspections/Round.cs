namespace Rectification.Domain.Inspections;

/// <summary>A numbered batch of inspections (轮次), e.g. "12th committee, round 3".</summary>
public sealed class Round
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public int Year { get; private set; }
    public int Number { get; private set; }

    /// <summary>The committee's term (届) the round belongs to, e.g. 12 for 十二届; rounds are reported upward per term.</summary>
    public int? Term { get; private set; }

    private Round() { }

    public static Round Create(Guid id, string name, int year, int number, int? term = null) =>
        new() { Id = id, Name = name, Year = year, Number = number, Term = term };
}
