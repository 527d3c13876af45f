namespace Rectification.Web.Pages;

public static partial class UiText
{
    /// <summary>The words of the inspection pages (register, problems, feedback, look-back).</summary>
    private static Dictionary<string, (string ZhCn, string En)> InspectionWords() => new()
    {
    };
}
