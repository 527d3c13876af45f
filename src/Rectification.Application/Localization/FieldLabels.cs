using System.Globalization;
using FluentValidation;
using Rectification.Domain.Common;

namespace Rectification.Application.Localization;

/// <summary>Makes every validator name a field by its glossary label in the request's language, not by its C# member name.</summary>
public static class FieldLabels
{
    public static void Install() =>
        // The resolver runs when a rule fails, on the request's thread, so the request's language is the one in effect.
        ValidatorOptions.Global.DisplayNameResolver = (type, member, _) =>
            member is null ? null : Glossary.Field(type, member.Name)?.For(CultureInfo.CurrentUICulture.Name);
}
