using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Lifecycles;
using Rectification.Application.Plans;

namespace Rectification.Application;

public static class DependencyInjection
{
    /// <summary>Scoped services of the use cases. Mediator and its ordered behaviors are registered by the host, where the generator runs.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        Localization.FieldLabels.Install();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped);
        services.AddScoped<CaseStore>();
        services.AddScoped<Behaviors.AtomicSave>();
        services.AddScoped<ScopeResolver>();
        services.AddScoped<Visibility.ReadPolicy>();
        services.AddScoped<RecipientResolver>();
        services.AddScoped<LifecycleCommandServices>();
        services.AddScoped<RaisedEvents>();
        services.AddScoped<PlanOpener>();
        services.AddScoped<Receipts.ReceiptIssuer>();
        services.AddScoped<Reminders.Deadlines>();
        services.AddScoped<Statistics.UpwardReportCounter>();
        services.AddScoped<Reminders.ReminderSweep>();
        services.AddScoped<Imports.SheetImports>();
        services.AddScoped<Imports.ProblemSheet>();
        services.AddScoped<Imports.LedgerLineSheet>();
        services.AddScoped<Imports.UnitSheet>();
        services.AddScoped<Imports.UserSheet>();
        return services;
    }
}
