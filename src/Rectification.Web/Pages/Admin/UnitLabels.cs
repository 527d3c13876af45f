using Rectification.Application.Organization;

namespace Rectification.Web.Pages.Admin;

/// <summary>A unit's name in a list of choices, indented by its depth below the first unit listed, so the tree reads in a select too.</summary>
public static class UnitLabels
{
    public static int Depth(UnitDto unit) => unit.Path.Count(c => c == '/') - 2;

    public static string Indented(UnitDto unit, int rootDepth) => new string('\u3000', Math.Max(0, Depth(unit) - rootDepth)) + unit.Name;
}
