using Rectification.Domain.Organization;

namespace Rectification.Domain.Visibility;

/// <summary>
/// Who may see what, read from <c>workflows/visibility.yaml</c>. Scope (the user's unit and the units below it) always
/// applies first; these rules narrow it per kind of object. A kind, state or field the file does not name is visible to
/// every role in scope; a named one only to the roles listed. The system itself (sweep, mail) is not a reader and sees all.
/// </summary>
public sealed record VisibilityRules(int Version, IReadOnlyDictionary<string, KindVisibility> Kinds)
{
    public static readonly VisibilityRules Open = new(0, new Dictionary<string, KindVisibility>());

    /// <summary>The fields a rule may name, per kind: the groups of fields that are withheld together.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> KnownFields = new Dictionary<string, IReadOnlyList<string>>
    {
        [Problems.Problem.Lifecycle] = [ProblemFields.Dossier],
    };

    /// <summary>May this role see objects of this kind at all (lists, details, trails, receipts, mails)?</summary>
    public bool Sees(Role role, string kind) =>
        role == Role.System || !Kinds.TryGetValue(kind, out var k) || k.See is null || k.See.Contains(role);

    /// <summary>May this role read the figures of this kind in statistics (counts, not the objects)?</summary>
    public bool SeesCounts(Role role, string kind) =>
        Sees(role, kind) || (Kinds.TryGetValue(kind, out var k) && k.Counts is { } counts && counts.Contains(role));

    public bool SeesState(Role role, string kind, string state) =>
        Sees(role, kind) && (role == Role.System || !Kinds.TryGetValue(kind, out var k) || !k.States.TryGetValue(state, out var roles) || roles.Contains(role));

    /// <summary>The states of this kind whose objects this role does not see, to filter lists in the database.</summary>
    public IReadOnlyList<string> HiddenStates(Role role, string kind) =>
        role == Role.System || !Kinds.TryGetValue(kind, out var k) ? [] : k.States.Where(s => !s.Value.Contains(role)).Select(s => s.Key).ToList();

    public bool SeesField(Role role, string kind, string field) =>
        role == Role.System || !Kinds.TryGetValue(kind, out var k) || !k.Fields.TryGetValue(field, out var roles) || roles.Contains(role);

    /// <summary>The kinds this role may not see at all.</summary>
    public IReadOnlyList<string> HiddenKinds(Role role) => Kinds.Keys.Where(kind => !Sees(role, kind)).ToList();
}

/// <param name="See">Roles that see objects of the kind; null: every role in scope.</param>
/// <param name="Counts">Roles that see only the kind's figures in statistics, besides those in <paramref name="See"/>.</param>
/// <param name="States">Per state, the only roles that see an object while it is in that state.</param>
/// <param name="Fields">Per group of fields, the only roles that see it.</param>
public sealed record KindVisibility(
    IReadOnlyList<Role>? See,
    IReadOnlyList<Role>? Counts,
    IReadOnlyDictionary<string, IReadOnlyList<Role>> States,
    IReadOnlyDictionary<string, IReadOnlyList<Role>> Fields);

public static class ProblemFields
{
    /// <summary>问题底稿: the supporting facts, the basis of characterization and the explanation/process record.</summary>
    public const string Dossier = "dossier";
}
