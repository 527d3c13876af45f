using Rectification.Domain.Common;

namespace Rectification.Domain.Organization;

public enum UnitLevel { Province, City, County, Township, Village, Bureau, Enterprise, Institution }

/// <summary>An organization node (被巡察单位 when inspected). Path is a materialized path of codes so that scope checks are a prefix test.</summary>
public sealed class Unit
{
    /// <summary>The longest path the column holds; a move that would make one longer is refused.</summary>
    public const int MaxPathLength = 450;

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UnitLevel Level { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Path { get; private set; } = "";

    /// <summary>When the unit was deactivated (撤销); null while it is active. A deactivated unit keeps its history and its place in the tree.</summary>
    public DateTime? DeactivatedAt { get; private set; }

    public bool Active => DeactivatedAt is null;

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

    public Error? Rename(string name)
    {
        if (!Active)
        {
            return Error.Rule("unit.inactive", ("unit", Name));
        }

        if (name == Name)
        {
            return Error.Rule("unit.name-unchanged", ("unit", Name));
        }

        Name = name;
        return null;
    }

    /// <summary>
    /// Puts the unit, with everything below it (<paramref name="subtree"/>, its current subordinates), under <paramref name="parent"/>:
    /// every path is rewritten so that scope stays a prefix test. Never under itself or its own subordinates, which would cut the
    /// branch off the tree, and never under a deactivated unit.
    /// </summary>
    public Error? MoveUnder(Unit parent, IReadOnlyList<Unit> subtree)
    {
        if (!Active)
        {
            return Error.Rule("unit.inactive", ("unit", Name));
        }

        if (Contains(parent))
        {
            return Error.Rule("unit.move-into-own-subtree", ("unit", Name), ("parent", parent.Name));
        }

        if (!parent.Active)
        {
            return Error.Rule("unit.parent-inactive", ("parent", parent.Name));
        }

        if (ParentId == parent.Id)
        {
            return Error.Rule("unit.already-under", ("unit", Name), ("parent", parent.Name));
        }

        var oldPath = Path;
        var newPath = parent.Path + Code + "/";
        var longest = subtree.Select(u => u.Path.Length).DefaultIfEmpty(Path.Length).Max() - oldPath.Length + newPath.Length;
        if (longest > MaxPathLength)
        {
            return Error.Rule("unit.too-deep", ("unit", Name), ("parent", parent.Name));
        }

        foreach (var below in subtree.Where(u => u.Id != Id))
        {
            below.Path = newPath + below.Path[oldPath.Length..];
        }

        Path = newPath;
        ParentId = parent.Id;
        return null;
    }

    /// <summary>
    /// Deactivates the unit. <paramref name="activeSubordinates"/>, <paramref name="openProblems"/> and <paramref name="usersWhoMaySignIn"/>
    /// are what still hangs on it; each one refuses, since a deactivated unit would leave them without a place to be worked on.
    /// </summary>
    public Error? Deactivate(int activeSubordinates, int openProblems, int usersWhoMaySignIn, DateTime utcNow)
    {
        if (!Active)
        {
            return Error.Rule("unit.inactive", ("unit", Name));
        }

        if (ParentId is null)
        {
            return Error.Rule("unit.root", ("unit", Name));
        }

        if (activeSubordinates > 0)
        {
            return Error.Rule("unit.has-active-subordinates", ("unit", Name), ("count", activeSubordinates));
        }

        if (openProblems > 0)
        {
            return Error.Rule("unit.has-open-problems", ("unit", Name), ("count", openProblems));
        }

        if (usersWhoMaySignIn > 0)
        {
            return Error.Rule("unit.has-active-users", ("unit", Name), ("count", usersWhoMaySignIn));
        }

        DeactivatedAt = utcNow;
        return null;
    }
}
