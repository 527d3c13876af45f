namespace Rectification.Web.Pages;

public static partial class UiText
{
    /// <summary>The words of the plan editor and of the screening and review queue.</summary>
    private static Dictionary<string, (string ZhCn, string En)> PlanWords() => new()
    {
    };
}
