namespace Rectification.Application.Administration.Accounts;

/// <summary>
/// The shape every password field must have before Identity's own rules (length, character classes) are asked; any character
/// goes, since a password is never shown.
/// </summary>
public static class AccountPasswords
{
    public const string Rule = "required, at most 256 characters";

    public static bool IsAcceptable(string? password) => !string.IsNullOrEmpty(password) && password.Length <= 256;
}
