using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Email;

namespace Rectification.Email.Tests;

public sealed class OptionsTests
{
    [Test]
    public void AddEmailDelivery_WhenNothingIsConfigured_PicksUpIntoDataMailPickup()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Mode, Is.EqualTo(EmailMode.Pickup));
            Assert.That(options.PickupFolder, Is.EqualTo("data/mail-pickup"));
            Assert.That(options.BaseUrl, Is.EqualTo("http://localhost:5217"));
            Assert.That(options.Outbox.MaxAttempts, Is.EqualTo(8));
            Assert.That(services.GetRequiredService<IMailTransport>(), Is.TypeOf<PickupMailTransport>());
        }
    }

    [Test]
    public void AddEmailDelivery_WhenModeIsSmtp_SendsThroughSmtpWithTheConfiguredServer()
    {
        using var services = Build(new()
        {
            ["Email:Mode"] = "Smtp",
            ["Email:Smtp:Host"] = "smtp.example.gov.cn",
            ["Email:Smtp:Port"] = "587",
            ["Email:Smtp:Security"] = "StartTls",
            ["Email:Smtp:UserName"] = "robot",
        });

        var smtp = services.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((smtp.Host, smtp.Port, smtp.Security, smtp.UserName), Is.EqualTo(("smtp.example.gov.cn", 587, SmtpSecurity.StartTls, "robot")));
            Assert.That(services.GetRequiredService<IMailTransport>(), Is.TypeOf<SmtpMailTransport>());
        }
    }

    [Test]
    public void AddEmailDelivery_WhenASettingIsInvalid_NamesItsKey()
    {
        using var services = Build(new() { ["Email:BaseUrl"] = "not a url", ["Email:Outbox:BatchSize"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("Email:BaseUrl").And.Contain("Email:Outbox:BatchSize"));
    }

    [Test]
    public void RetryDelayAfter_WhenAttemptsGrow_DoublesUpToTheMaximum()
    {
        var outbox = new OutboxDeliveryOptions { RetryBaseDelay = TimeSpan.FromMinutes(1), RetryMaxDelay = TimeSpan.FromMinutes(30) };

        var delays = Enumerable.Range(1, 8).Select(outbox.RetryDelayAfter).Select(d => d.TotalMinutes);

        Assert.That(delays, Is.EqualTo(new double[] { 1, 2, 4, 8, 16, 30, 30, 30 }));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddEmailDelivery(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
