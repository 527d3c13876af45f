using System.Globalization;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Localization;
using Rectification.Application;
using Rectification.Application.Abstractions;
using Rectification.Application.Behaviors;
using Rectification.Application.Localization;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Jobs;
using Rectification.Infrastructure.Lifecycles;
using Rectification.Infrastructure.Persistence;
using Rectification.Web;
using Rectification.Demo;
using Rectification.Web.Endpoints;
using Rectification.Web.Http;
using Rectification.Web.Security;
using Scalar.AspNetCore;
using Serilog;

var commandLine = Rectification.Web.CommandLine.Parse(args);
if (commandLine.Problem is { } wrong)
{
    Console.Error.WriteLine(wrong);
    Environment.ExitCode = 2;
    return;
}

var builder = WebApplication.CreateBuilder(commandLine.HostArguments);
builder.Host.UseSerilog((context, logger) => logger.ReadFrom.Configuration(context.Configuration).WriteTo.Console());

// The office's day (deadlines, lateness, "today") and the times people read are those of this zone, not the server's.
var officeZoneId = builder.Configuration["Office:TimeZone"] ?? Rectification.Domain.Common.OfficeTime.DefaultZoneId;
Rectification.Domain.Common.OfficeTime.Use(Rectification.Domain.Common.OfficeTime.Find(officeZoneId)
    ?? throw new InvalidOperationException($"Office:TimeZone '{officeZoneId}' is not a time zone known here (an IANA id such as Asia/Shanghai)."));
var database = Rectification.Infrastructure.DependencyInjection.ReadDatabaseOptions(builder.Configuration);
builder.Services.AddInfrastructure(database, WorkflowsFolderResolver.Resolve(builder.Configuration, builder.Environment));
if (builder.Configuration.GetValue<int?>("Clock:ShiftDays") is { } shiftDays)
{
    if (builder.Environment.IsProduction())
    {
        throw new InvalidOperationException("Clock:ShiftDays moves the system clock for demonstrations and is refused in Production.");
    }

    builder.Services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(TimeSpan.FromDays(shiftDays)));
}

builder.Services.AddApplication();
builder.Services.AddJobs(builder.Configuration, database);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    // Order matters: validation, authorization, the workflow rule, then one transaction holding the change,
    // its audit entries and its notifications (evidence files kept by a command that is then not committed are deleted again).
    options.PipelineBehaviors =
    [
        typeof(ValidationBehavior<,>),
        typeof(AuthorizationBehavior<,>),
        typeof(LifecycleRuleBehavior<,>),
        typeof(EvidenceFilesBehavior<,>),
        typeof(TransactionBehavior<,>),
        typeof(AuditBehavior<,>),
        typeof(NotificationBehavior<,>),
    ];
});

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<Rectification.Web.Pages.Shared.MyWorkCount>();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddSecurity(builder.Configuration, builder.Environment);
builder.Services.AddHostHardening(builder.Configuration);
builder.Services.AddProxyHeaders(builder.Configuration);
// Chinese pages are written as Chinese characters, not as numeric entities (the encoder still escapes markup).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorPages(o =>
{
    // Every page needs a signed-in user except the sign-in form itself.
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AllowAnonymousToPage("/Account/SignIn");
    o.Conventions.AllowAnonymousToPage("/Error");
});
// The problem page's progress form carries an evidence file: it may send as much as the API's upload, not only the host's 1 MB.
builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>().Configure<Rectification.Infrastructure.Evidence.EvidenceStorage>((o, storage) =>
    o.Conventions.AddPageApplicationModelConvention("/Problem", page =>
        page.EndpointMetadata.Add(new Rectification.Web.Endpoints.EvidenceEndpoints.UploadSizeLimit(storage.Options.MaxRequestBytes))));
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new Rectification.Web.Http.StrictEnumConverter()));
// A converter of our own hides the enum names from the schema generator; they are put back here.
builder.Services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
{
    var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
    if (type.IsEnum)
    {
        schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
        schema.Enum = Enum.GetNames(type).Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n)).ToList();
    }

    return Task.CompletedTask;
}));

if (commandLine.Setup is not null)
{
    // The first run acts as the system: nobody can sign in before it.
    builder.Services.AddScoped(_ => Rectification.Web.FirstRun.System);
}

if (commandLine.SeedDemo)
{
    // The demo tells its history through the application's commands, as its people at the story's moments.
    builder.Services.AddDemoSeeding();
}

var app = builder.Build();

app.UseProxyHeaders();
app.UseErrorResponses();
// The pages' libraries, styles and script: public, served before sign-in (the sign-in form uses them too).
app.UseStaticFiles();
// Routing after the error handlers, so a page re-executed as the error page is routed again (to /error/{status}).
app.UseRouting();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("zh-CN"),
    SupportedCultures = [new CultureInfo("zh-CN"), new CultureInfo("en")],
    SupportedUICultures = [new CultureInfo("zh-CN"), new CultureInfo("en")],
    // ?culture=en switches the pages (and is remembered in a cookie, below); otherwise the browser's Accept-Language decides.
    RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()],
});
app.Use((context, next) =>
{
    if (context.Request.Query.ContainsKey("culture") && context.Features.Get<IRequestCultureFeature>()?.Provider is QueryStringRequestCultureProvider)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), Secure = context.Request.IsHttps });
    }

    return next(context);
});
app.UseAuthentication();
app.UseHostHardening();
app.UseAuthorization();

// The API's description maps every route and field: in Production only signed-in users read it, unless Api:PublicReference opens it.
var openApi = app.MapOpenApi();
var apiReference = app.MapScalarApiReference();
if (app.Environment.IsProduction() && !app.Configuration.GetValue("Api:PublicReference", false))
{
    openApi.RequireAuthorization();
    apiReference.RequireAuthorization();
}
app.MapHealthChecks("/health");
app.MapApi();
app.MapAccount();
app.MapAccountAdministration();
app.MapRazorPages();
app.UseJobs();
if (app.Services.GetRequiredService<AuthenticationSettings>().SigningKeyIsEphemeral)
{
    app.Logger.LogWarning("Authentication:Jwt:SigningKey is not set: API tokens are signed with a random key and end when the process does");
}

if (commandLine.SeedDemo && app.Environment.IsProduction())
{
    // The demo accounts have published passwords: seeding them into a real deployment would open it to anyone who read the README.
    // Refused before the database is touched.
    app.Logger.LogCritical("--seed-demo creates demonstration accounts with published passwords and is refused in Production; nothing was seeded");
    Environment.ExitCode = 3;
    return;
}

try
{
    await DatabaseInitializer.InitializeAsync(app.Services);
}
catch (LifecycleFileException e)
{
    // A broken definition must stop start-up with a message an operator can act on, not a stack trace.
    app.Logger.LogCritical("Workflow definition error: {File}({Line}): {Problem}", e.File, e.Line, e.Problem);
    Environment.ExitCode = 2;
    return;
}
if (commandLine.BackupTo is { } backupTo)
{
    await Rectification.Infrastructure.Operations.Backup.TakeAsync(app.Services, Path.GetFullPath(backupTo), app.Logger);
    return;
}

if (commandLine.Setup is { } setup)
{
    Environment.ExitCode = await Rectification.Web.FirstRun.RunAsync(app.Services, setup, app.Logger);
    return;
}

if (commandLine.SeedDemo)
{
    await DemoSeeder.SeedAsync(app.Services, app.Logger);
}

if (commandLine.SeedOnly)
{
    return;
}

await app.RunAsync();

/// <summary>Exposed for the test host.</summary>
public partial class Program;
