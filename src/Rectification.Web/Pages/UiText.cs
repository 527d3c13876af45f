using System.Globalization;
using Rectification.Domain.Common;
using Rectification.Domain.Lifecycles;

namespace Rectification.Web.Pages;

/// <summary>The words of the web pages in Simplified Chinese (default) and English; the language follows the request culture.</summary>
public static class UiText
{
    private static readonly Dictionary<string, (string ZhCn, string En)> Texts = new()
    {
        ["app"] = ("巡视巡察整改跟踪", "Rectification tracking"),
        ["ledger"] = ("整改台账", "Rectification ledger"),
        ["sign-in"] = ("登录", "Sign in"),
        ["sign-out"] = ("退出登录", "Sign out"),
        ["user-name"] = ("用户名", "User name"),
        ["password"] = ("密码", "Password"),
        ["sso"] = ("使用统一身份认证登录", "Sign in with single sign-on"),
        ["sso-failed"] = ("统一身份认证未能登录：本系统中没有与该身份对应的用户，或认证已失效。", "Single sign-on did not sign you in: no user of this system matches that identity, or the attempt expired."),
        ["code"] = ("编号", "Code"),
        ["title"] = ("问题", "Problem"),
        ["unit"] = ("单位", "Unit"),
        ["state"] = ("状态", "State"),
        ["kind"] = ("整改类型", "Kind"),
        ["deadline"] = ("整改时限", "Deadline"),
        ["light"] = ("亮灯", "Light"),
        ["overdue-days"] = ("逾期天数", "Days overdue"),
        ["none"] = ("暂无问题。", "No problems."),
        ["total"] = ("共 {0} 条", "{0} in all"),
        ["previous"] = ("上一页", "Previous"),
        ["next"] = ("下一页", "Next"),
        ["all"] = ("全部", "All"),
        ["only-overdue"] = ("仅看逾期", "Overdue only"),
        ["back"] = ("返回台账", "Back to the ledger"),
        ["description"] = ("问题描述", "Description"),
        ["category"] = ("类别", "Category"),
        ["severity"] = ("严重程度", "Severity"),
        ["facts"] = ("事实", "Facts"),
        ["basis"] = ("依据", "Basis"),
        ["progress"] = ("整改进展", "Progress"),
        ["history"] = ("处理记录", "History"),
        ["at"] = ("时间", "When"),
        ["who"] = ("操作人", "Who"),
        ["action"] = ("操作", "Action"),
        ["change"] = ("状态变化", "State change"),
    };

    public static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static string Language => English ? "en" : "zh-CN";

    public static string T(string key) => Texts.TryGetValue(key, out var t) ? (English ? t.En : t.ZhCn) : key;

    /// <summary>A code's words from the glossary, in the request's language.</summary>
    public static string L(LocalizedText text) => English ? text.En : text.ZhCn;

    public static string L<TEnum>(TEnum value) where TEnum : struct, Enum => L(Glossary.Of(value));

    /// <summary>An instant (stored UTC) as the office's wall clock reads it.</summary>
    public static string Time(DateTime utc) => OfficeTime.LocalOf(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The office day of an instant (stored UTC).</summary>
    public static string Day(DateTime utc) => Day(OfficeTime.DayOf(utc));

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string T(string key, object arg) => string.Format(CultureInfo.CurrentCulture, T(key), arg);
}
