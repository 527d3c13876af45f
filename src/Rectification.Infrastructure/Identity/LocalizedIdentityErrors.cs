using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Rectification.Application.Localization;

namespace Rectification.Infrastructure.Identity;

/// <summary>The password rules a refused new password broke, in the caller's language (Identity itself speaks English only).</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    private static bool English => Messages.IsEnglish(CultureInfo.CurrentUICulture);

    private static IdentityError Error(string code, string zh, string en) => new() { Code = code, Description = English ? en : zh };

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"密码至少 {length} 个字符。", $"Passwords must be at least {length} characters.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"密码至少包含 {uniqueChars} 个不同字符。", $"Passwords must use at least {uniqueChars} different characters.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个非字母数字字符。", "Passwords must have at least one non-alphanumeric character.");

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), "密码须包含至少一个数字。", "Passwords must have at least one digit ('0'-'9').");

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "密码须包含至少一个小写字母。", "Passwords must have at least one lowercase letter ('a'-'z').");

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "密码须包含至少一个大写字母。", "Passwords must have at least one uppercase letter ('A'-'Z').");
}
