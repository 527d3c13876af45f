namespace Rectification.Domain.Organization;

public enum UnitLevel { Province, City, County, Township, Village, Bureau, Enterprise, Institution }

/// <summary>An organization node (被巡察单位 when inspected). Path is a materialized path of codes so that scope checks are a prefix test.</summary>
public sealed class Unit
{
    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UnitLevel Level { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Path { get; private set; } = "";

    private Unit() { }

    public static Unit Create(Guid id, string code, string name, UnitLevel level, Unit? parent) => new()
    {
        Id = id,
        Code = code,
        Name = name,
        Level = level,
        ParentId = parent?.Id,
        Path = (parent?.Path ?? "/") + code + "/",
    };

    /// <summary>True when <paramref name="other"/> is this unit or one of its subordinates.</summary>
    public bool Contains(Unit other) => other.Path.StartsWith(Path, StringComparison.Ordinal);
}
