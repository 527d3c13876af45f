using System.Globalization;
using System.Security.Cryptography;
using Mediator;
using Rectification.Application.Abstractions;
using Rectification.Application.Localization;
using Rectification.Application.Organization;
using Rectification.Domain.Organization;

namespace Rectification.Web;

/// <summary>
/// <c>setup</c>: the first run of a real deployment on an empty database, sent as the system through the pipeline (validated,
/// audited). The first administrator's password comes from <see cref="CommandLine.AdminPasswordVariable"/>, or is made here and
/// printed once on the console, never logged.
/// </summary>
public static class FirstRun
{
    public static readonly ICurrentUser System = new ActingUser(null, "system", Role.System, Guid.Empty, "/", "zh-CN");

    public static async Task<int> RunAsync(IServiceProvider services, SetupOptions options, ILogger logger)
    {
        var given = Environment.GetEnvironmentVariable(CommandLine.AdminPasswordVariable);
        var password = string.IsNullOrEmpty(given) ? NewPassword() : given;
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SetUpDeployment(options.RootCode, options.RootName, options.RootLevel,
            options.AdminUserName, options.AdminDisplayName, options.AdminEmail, password, options.Language));
        if (!result.IsSuccess)
        {
            var error = result.Error!;
            var details = string.Join("; ", error.Args.Select(a => $"{a.Key}: {a.Value}"));
            logger.LogError("Setup refused: {Code} {Message} {Details}", error.Code, Messages.Format(error, CultureInfo.GetCultureInfo("en")), details);
            Console.Error.WriteLine($"{Messages.Format(error, CultureInfo.GetCultureInfo("zh-CN"))} {details}");
            return 1;
        }

        logger.LogInformation("Set up: root unit {Code} {Name}, first administrator {Admin}", options.RootCode, options.RootName, options.AdminUserName);
        Console.WriteLine($"已初始化：根单位 {options.RootName}（{options.RootCode}），系统管理员 {options.AdminUserName}。");
        Console.WriteLine($"Set up: root unit {options.RootName} ({options.RootCode}), administrator {options.AdminUserName}.");
        if (string.IsNullOrEmpty(given))
        {
            Console.WriteLine($"初始密码 / initial password: {password}");
            Console.WriteLine("请登录后立即修改（/me/password）。Sign in and change it at once (/me/password).");
        }

        return 0;
    }

    /// <summary>20 characters from each class the password rules may ask for, drawn by the system's random generator.</summary>
    private static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "-_.!#%+";
        var all = upper + lower + digits + symbols;
        var chars = new[] { Pick(upper), Pick(lower), Pick(digits), Pick(symbols) }.Concat(Enumerable.Range(0, 16).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }
}
