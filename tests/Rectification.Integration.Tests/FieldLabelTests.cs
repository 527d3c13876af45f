using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;
using Rectification.Domain.Common;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// A refusal names the field as its user knows it ("'整改进展情况'不能为空"), in the user's language, never by the C# member name;
/// every field any validator checks has its label in the glossary, so a new field cannot slip back to the raw name.
/// </summary>
public sealed class FieldLabelTests() : HostTest(DatabaseProvider.Sqlite)
{
    [Test]
    public void EveryFieldAValidatorChecks_HasItsLabelInTheGlossary()
    {
        using var scope = Host.Services.CreateScope();
        var validatorTypes = typeof(IAppCommand<>).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IValidator).IsAssignableFrom(t))
            .ToList();
        var unlabelled = new List<string>();
        foreach (var type in validatorTypes)
        {
            var validator = (IValidator)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            var validated = type.BaseType!.GetGenericArguments()[0];
            unlabelled.AddRange(validator.CreateDescriptor().GetMembersWithValidators()
                .Select(m => m.Key)
                .Where(member => Glossary.Field(validated, member) is null)
                .Select(member => $"{validated.Name}.{member}"));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validatorTypes, Has.Count.GreaterThan(30), "the validators were found");
            Assert.That(unlabelled, Is.Empty, "fields a refusal would name by their C# name");
        }
    }

    [TestCase("zh-CN", "'整改进展情况' 不能为空。")]
    [TestCase("en", "'progress made' must not be empty.")]
    public async Task AnEmptyProgressReport_IsRefusedNamingTheFieldInTheUsersLanguage(string culture, string expected)
    {
        var (_, _, problems) = await InRectification(Org.Bureau);
        var liaison = await Host.Actor("b1-liaison");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var error = await Host.SendForError(liaison, new ReportProgress(problems[0].Id, "", null, null, null));
            Assert.That(error?.FieldErrors["text"], Is.EqualTo(new[] { expected }));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
