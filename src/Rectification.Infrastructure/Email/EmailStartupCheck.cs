using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rectification.Application.Abstractions;

namespace Rectification.Infrastructure.Email;

/// <summary>
/// Checks at start-up that every template a published lifecycle or a workflow file (reminders included) names
/// exists and reads correctly: a locality's editing mistake stops start-up naming the file, instead of failing
/// mails at run time.
/// </summary>
internal sealed class EmailStartupCheck(EmailPaths paths, ILifecycleCatalog lifecycles, TemplateCatalogHolder holder,
    IOptions<EmailOptions> options, ILogger<EmailStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var used = lifecycles.All.SelectMany(d => d.Notifications).Select(n => n.Template)
            .Concat(TemplateReferences.InFolder(paths.WorkflowsFolder))
            .Distinct(StringComparer.Ordinal).ToList();
        var catalog = TemplateCatalog.Load(paths.TemplatesFolder, used);
        holder.Set(catalog);
        var settings = options.Value;
        logger.LogInformation("E-mail delivery: mode {Mode}{Target}; {Count} templates from {Folder}",
            settings.Mode,
            settings.Mode == EmailMode.Pickup ? $" into {paths.PickupFolder}" : $" through {settings.Smtp.Host}:{settings.Smtp.Port}",
            catalog.Names.Count, catalog.Folder);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The catalog read once per process: by the start-up check when there is a host, else on first use.</summary>
public sealed class TemplateCatalogHolder(EmailPaths paths)
{
    private readonly Lock gate = new();
    private TemplateCatalog? catalog;

    public TemplateCatalog Catalog
    {
        get
        {
            lock (gate)
            {
                return catalog ??= TemplateCatalog.Load(paths.TemplatesFolder);
            }
        }
    }

    internal void Set(TemplateCatalog loaded)
    {
        lock (gate)
        {
            catalog = loaded;
        }
    }
}
