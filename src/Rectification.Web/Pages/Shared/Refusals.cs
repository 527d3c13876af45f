using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rectification.Application.Localization;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Web.Pages.Shared;

/// <summary>A command's refusal on a page: each field's message at its field, named as the JSON names it, and the whole in the user's language.</summary>
public static class Refusals
{
    /// <param name="prefix">Put before each field's name where one page has several forms with the same field names.</param>
    /// <returns>The refusal as one sentence, for above the forms.</returns>
    public static string Show(this ModelStateDictionary state, Error error, string prefix = "")
    {
        foreach (var (field, messages) in error.FieldErrors)
        {
            var key = prefix + FieldNames.Json(field);
            // A field the page refused itself (left empty) keeps that message.
            if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            foreach (var message in messages)
            {
                state.AddModelError(key, message);
            }
        }

        return Messages.Format(error, CultureInfo.CurrentUICulture);
    }
}
