using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Web.Pages.Admin;

/// <summary>How the administration pages put a command's refusal at its fields: the field as the JSON names it, prefixed by the form.</summary>
public static class AdminFields
{
    public static void Add(ModelStateDictionary state, Error error, string prefix = "")
    {
        // A password the rules refuse carries the rules' codes per field; the person reads the rules themselves, in their language.
        var passwordRules = error.Code == "account.password-rejected" ? Messages.Format(error, System.Globalization.CultureInfo.CurrentUICulture) : null;
        foreach (var (field, messages) in error.FieldErrors)
        {
            var key = prefix + FieldNames.Json(field);
            // A field already refused on the page (left empty) keeps that message.
            if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            foreach (var message in passwordRules is null ? messages : [passwordRules])
            {
                state.AddModelError(key, message);
            }
        }
    }

    public static string? Error(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
