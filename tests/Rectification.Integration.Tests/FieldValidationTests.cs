using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rectification.Application.Abstractions;
using Rectification.Application.Administration.Accounts;
using Rectification.Application.Clues;
using Rectification.Application.CommonProblems;
using Rectification.Application.Evaluations;
using Rectification.Application.Inspections;
using Rectification.Application.Messaging;
using Rectification.Application.Organization;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Application.Receipts;
using Rectification.Application.Statistics;
using Rectification.Application.Reminders;
using Rectification.Domain.Clues;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;
using Rectification.Domain.Plans;
using Rectification.Domain.Problems;
using Rectification.Infrastructure;
using Rectification.Integration.Tests.Support;
using Rectification.Web.Http;
using static Rectification.Integration.Tests.Support.Fields;
using Severity = Rectification.Domain.Problems.Severity;

namespace Rectification.Integration.Tests;

/// <summary>
/// Every command, field by field: CsCheck generates valid bodies (they pass the validators), then each field is made wrong on its own
/// (empty, too long, out of range, far past or future dates, a value no enum member has) and the refusal must be a field error naming
/// that field as the JSON names it. Commands are found by reflection, so a new command or a new field without a spec here fails.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class FieldValidationTests(DatabaseProvider provider) : HostTest(provider)
{
    private const string Seed = "0N0XIzNsQ0O2";
    private const int BodiesPerCommand = 25;

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    private DateOnly Tomorrow => Host.Clock.Today.AddDays(1);

    /// <summary>The contract of every command's fields, written from the README and workflows/*.yaml; limits as the product promises them.</summary>
    private IReadOnlyList<CommandSpec> Specs =>
    [
        new(typeof(CreateRound), [Text("Name", 200), Int("Year", 2000, 2100), Int("Number", 1, 1000), Int("Term", 1, 100, nullable: true)]),
        new(typeof(SetUpDeployment),
        [
            Text("RootCode", 32, code: true), Text("RootName", 200), Enum<UnitLevel>("RootLevel"), Text("AdminUserName", 100), Text("AdminDisplayName", 200),
            Email("AdminEmail"), Password("AdminPassword"), OneOf("PreferredLanguage", "zh-CN", "en"),
        ]),
        new(typeof(RecordReportSnapshot), [Text("Title", 200), Fixed("Filter", new UpwardReportFilter())])
        {
            Extra =
            [
                _ => new Mutation("a period ending before it starts", new UpwardReportFilter(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1)), "Filter.To"),
                _ => new Mutation("a term out of range", new UpwardReportFilter(Term: 0), "Filter.Term"),
                _ => new Mutation("a kind no inspection has", new UpwardReportFilter(Kinds: [(Domain.Inspections.InspectionKind)99]), "Filter.Kinds[0]"),
            ],
        },
        new(typeof(CreateUnit), [Id("ParentId"), Text("Code", 32, code: true), Text("Name", 200), Enum<UnitLevel>("Level")]),
        new(typeof(RenameUnit), [Id("UnitId", required: true), Text("Name", 200)]),
        new(typeof(MoveUnit), [Id("UnitId", required: true), Id("ParentId", required: true)]),
        new(typeof(DeactivateUnit), [Id("UnitId", required: true)]),
        new(typeof(RegisterInspection),
        [
            Id("RoundId", required: true), Id("UnitId", required: true), Enum<InspectionKind>("Kind"), Text("GroupName", 200),
            Date("StartDate", () => Earliest, Latest) with { Dependents = ["EndDate"] }, Date("EndDate", () => Earliest, Latest, notBefore: "StartDate"),
        ]),
        new(typeof(FeedBackInspection), [Id("InspectionId")]),
        new(typeof(RegisterProblem),
        [
            Id("InspectionId"), Text("Title", 300), Text("Description", 10_000), Text("Category", 100), Enum<Severity>("Severity"),
            Text("Facts", 20_000), Text("Basis", 10_000), Text("ProcessRecord", 20_000, required: false), Flag("RaisedDuringInspection"), OptionalCode("Code", 40),
        ]),
        new(typeof(FeedBackProblem), [Id("ProblemId"), Version()]),
        new(typeof(ReportProgress),
        [
            Id("ProblemId"), Text("Text", 10_000), Int("Percent", 0, 100, nullable: true), OptionalText("Milestone", 200),
            Records<EvidenceInput>("Evidence", 100, Text("FileName", 255), Hex64("Sha256", lowerOnly: false), Null("FileId")), Version(),
        ])
        {
            Extra = [b => new Mutation("a file id beside a name", ((IReadOnlyList<EvidenceInput>)b["Evidence"]!).Select((e, i) => i == 0 ? e with { FileId = Guid.NewGuid(), Sha256 = null } : e).ToList(), "Evidence[0].FileName")],
        },
        new(typeof(SubmitForReview), [Id("ProblemId"), Version()]),
        new(typeof(SignOffProblem), [Id("ProblemId"), Flag("Approve"), OptionalText("Comment", 4000, requiredWhen: b => !(bool)b["Approve"]!), Version()]),
        new(typeof(CloseProblem), [Id("ProblemId"), Version()]),
        new(typeof(ReopenProblem), [Id("ProblemId"), Text("Reason", 4000), Date("NewDeadline", () => Tomorrow, Latest), Id("LookBackInspectionId", nullable: true), Version()]),
        new(typeof(EditLedgerLine),
        [
            Id("PlanId"), Id("ProblemId", required: true), Text("Measures", 10_000), Text("ResponsibleLeader", 100), Text("ResponsibleDepartment", 200),
            Enum<RectificationKind>("Kind"), Date("Deadline", () => Earliest, Latest), Version(),
        ]),
        new(typeof(SubmitPlan), [Id("PlanId"), Version()]),
        new(typeof(AcceptPlan), [Id("PlanId"), OptionalText("Comment", 4000), Version()]),
        new(typeof(ReturnPlan), [Id("PlanId"), Text("Comment", 4000), Records<LineComment>("LineComments", null, Id("ProblemId"), Text("Comment", 4000)), Version()]),
        new(typeof(ProposeLedgerLineChange),
        [
            Id("PlanId"), Id("ProblemId", required: true), Text("Measures", 10_000), Text("ResponsibleLeader", 100), Text("ResponsibleDepartment", 200),
            Enum<RectificationKind>("Kind"), Date("Deadline", () => Earliest, Latest), Text("Reason", 4000),
        ]),
        new(typeof(DecideLedgerLineChange), [Id("ChangeId"), Flag("Accept"), OptionalText("Comment", 4000, requiredWhen: b => !(bool)b["Accept"]!)]),
        new(typeof(RequestDeadlineExtension),
        [
            Enum("Kind", false, TargetKind.Problem, TargetKind.Plan, TargetKind.Clue), Id("CaseId"), Date("NewDeadline", () => Earliest, Latest), Text("Reason", 4000),
        ]),
        new(typeof(DecideDeadlineExtension), [Id("ExtensionId"), Flag("Approve"), OptionalText("Comment", 4000)]),
        new(typeof(CompleteTask), [Id("TaskId"), Text("Record", 4000)]),
        new(typeof(CreateAccount),
        [
            Text("UserName", 100), Text("DisplayName", 200),
            Enum<Role>("Role", false, Role.UnitLiaison, Role.UnitLeader, Role.InspectionOffice, Role.InspectionGroup, Role.DisciplineCommission,
                Role.OrganizationDepartment, Role.Leadership, Role.Administrator),
            Email("Email"), OneOf("PreferredLanguage", "zh-CN", "en"), Id("UnitId"), Password("Password"),
        ]),
        new(typeof(DisableAccount), [Id("AccountId")]),
        new(typeof(EnableAccount), [Id("AccountId")]),
        new(typeof(UnlockAccount), [Id("AccountId")]),
        new(typeof(ResetAccountPassword), [Id("AccountId"), Password("NewPassword")]),
        new(typeof(ChangeOwnPassword), [Password("CurrentPassword"), Password("NewPassword")]),
        new(typeof(NameDeputy),
        [
            Id("DeputyUserId", required: true), Date("From", () => Earliest, Latest) with { Dependents = ["To"] },
            Date("To", () => Earliest, Latest, notBefore: "From", withinDaysOf: 366), Text("Reason", 1000),
        ]),
        new(typeof(PushCommonProblem), [Id("ProblemId"), IdList("UnitIds", 10_000), Id("UnderUnitId", nullable: true), Enum<UnitLevel>("Level", nullable: true) with { Dependents = ["UnitIds"] }, OptionalText("Note", 4000)])
        {
            // Units are named, or a unit and a level to push below: never both.
            Consistent = b => b["UnitIds"] is not IReadOnlyList<Guid> { Count: > 0 } || (b["UnderUnitId"] is null && b["Level"] is null),
            Extra = [b => b["UnderUnitId"] is null ? null : new Mutation("units beside a unit to push below", new List<Guid> { Guid.NewGuid() }, "UnitIds")],
        },
        new(typeof(AnswerSelfCheckNotPresent), [Id("TaskId"), Text("Statement", 4000)]),
        new(typeof(OpenSelfCheckProblem), [Id("TaskId"), Text("Description", 10_000), Text("Facts", 20_000), Enum<Severity>("Severity")]),
        new(typeof(AcknowledgeReceipt), [Id("ReceiptId")]),
        new(typeof(RecordEvidenceFile), [Id("ProblemId"), Upload("File")]),
        new(typeof(RecordEvaluationScore), [Id("InspectionId"), Text("Source", 60), Decimal("Score", 0m, 100m), OptionalText("Comment", 4000)]),
        new(typeof(HandOverClue), [Id("InspectionId"), Text("Summary", 10_000), Enum<SheetColour>("Colour"), IdList("ProblemIds", 200), OptionalCode("Code", 40)]),
        new(typeof(AcceptClue), [Id("ClueId"), Version()]),
        new(typeof(StartInvestigation), [Id("ClueId"), Version()]),
        new(typeof(ConcludeClue),
        [
            Id("ClueId"), Text("Summary", 10_000), Int("CasesFiled", 0, 100_000), Int("PeopleDisciplined", 0, 100_000), Int("TransferredToJudicial", 0, 100_000),
            Decimal("MoneyRecovered", 0m, 1_000_000_000_000m), Version(),
        ]),
    ];

    /// <summary>
    /// Commands no request body reaches: the host builds them from what it checked itself. A sign-in attempt is built by the
    /// sign-in endpoints and form from their own bounded fields, so that a refused body can never count as a failed password.
    /// </summary>
    private static readonly HashSet<Type> HostOnly = [typeof(RecordSignIn)];

    private static IReadOnlyList<Type> Commands =>
        typeof(IAppCommand<>).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAppCommand<>)))
            .OrderBy(t => t.Name)
            .ToList();

    private JsonNamingPolicy Naming => Host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions.PropertyNamingPolicy!;

    [Test]
    public void EveryCommand_HasASpecOfEachOfItsFields()
    {
        var specs = Specs.ToDictionary(s => s.Command);
        var missing = Commands.Where(c => !specs.ContainsKey(c) && !HostOnly.Contains(c)).Select(c => c.Name).ToList();
        var unspecified = Specs.SelectMany(s => CommandSpec.ConstructorOf(s.Command).GetParameters()
                .Where(p => s.Fields.All(f => f.Name != p.Name)).Select(p => $"{s.Command.Name}.{p.Name}"))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing, Is.Empty, "commands without a generator of valid bodies");
            Assert.That(unspecified, Is.Empty, "fields without a spec");
        }
    }

    [Test]
    public void ValidBodies_PassEveryValidatorOfTheirCommand()
    {
        using var scope = Host.Services.CreateScope();
        foreach (var spec in Specs)
        {
            var validators = Validators(scope.ServiceProvider, spec.Command);
            spec.Valid.Sample(command =>
            {
                var failures = validators.SelectMany(v => v.Validate(Context(command)).Errors).ToList();
                Assert.That(failures.Select(f => $"{f.PropertyName}: {f.ErrorMessage}"), Is.Empty, () => $"{command}");
            }, seed: Seed, iter: BodiesPerCommand * 4, threads: 1);
        }
    }

    // About 7,000 messages through the real pipeline (each refused by its first behavior): a few seconds.
    [Test]
    public async Task EachFieldMadeWrongOnItsOwn_IsRefusedWithAnErrorNamingThatFieldAsTheJsonDoes()
    {
        var actor = await Host.Actor("office");
        var failures = new List<string>();
        var cases = 0;
        foreach (var spec in Specs)
        {
            await spec.Valid.SampleAsync(async command =>
            {
                var body = CommandSpec.Deconstruct(command);
                foreach (var mutation in spec.Mutations(body))
                {
                    cases++;
                    var wrong = CommandSpec.Construct(spec.Command, body.With(FieldOf(mutation.Path), mutation.Value));
                    if (Check(spec, mutation, await Host.SendForError(actor, wrong)) is { } failure)
                    {
                        failures.Add($"{spec.Command.Name}.{mutation.Path} {mutation.What}: {failure}");
                    }
                }
            }, seed: Seed, iter: BodiesPerCommand, threads: 1);
        }

        TestContext.Out.WriteLine($"{cases} mutated bodies over {Specs.Count} commands");
        Assert.That(failures.Distinct().Take(40), Is.Empty);
        Assert.That(cases, Is.GreaterThan(3000));
    }

    private string? Check(CommandSpec spec, Mutation mutation, Error? error)
    {
        if (error is null)
        {
            return "accepted";
        }

        if (error.Kind != ErrorKind.Validation)
        {
            return $"refused as {error.Kind} {error.Code}, not as a field error";
        }

        var expected = JsonPath(mutation.Path);
        var named = error.FieldErrors.Keys.Select(FieldNames.Json).ToList();
        var allowed = spec.AllowedAlongside(mutation.Path).Select(JsonPath).Append(expected).ToList();
        return !named.Contains(expected) || named.Except(allowed).Any() ? $"named [{string.Join(", ", named)}], expected {expected}" : null;
    }

    /// <summary>The JSON path of a C# property path, by the host's own naming policy: what a client wrote in its body.</summary>
    private string JsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(s => s.Contains('[') ? Naming.ConvertName(s[..s.IndexOf('[')]) + s[s.IndexOf('[')..] : Naming.ConvertName(s)));

    private static string FieldOf(string path) => path.Split('.', '[')[0];

    private static IReadOnlyList<IValidator> Validators(IServiceProvider services, Type command) =>
        services.GetServices(typeof(IValidator<>).MakeGenericType(command)).Cast<IValidator>().ToList();

    private static IValidationContext Context(object command) =>
        (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(command.GetType()), command)!;

    /// <summary>Over HTTP, for the commands with a JSON body: the ProblemDetails' <c>errors</c> key is the member the client sent.</summary>
    [Test]
    public async Task OverHttp_TheFieldErrorIsKeyedByTheJsonMemberTheClientSent()
    {
        var client = Host.ClientFor("office", "en");
        var routes = new (Type Command, HttpMethod Method, Func<Body, string> Path, string[] RouteFields)[]
        {
            (typeof(CreateRound), HttpMethod.Post, _ => "/api/rounds", []),
            (typeof(RegisterProblem), HttpMethod.Post, b => $"/api/inspections/{b["InspectionId"]}/problems", ["InspectionId"]),
            (typeof(ReportProgress), HttpMethod.Post, b => $"/api/problems/{b["ProblemId"]}/progress", ["ProblemId"]),
            (typeof(EditLedgerLine), HttpMethod.Put, b => $"/api/plans/{b["PlanId"]}/lines/{b["ProblemId"]}", ["PlanId", "ProblemId"]),
            (typeof(NameDeputy), HttpMethod.Post, _ => "/api/me/deputies", []),
        };
        var json = Host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var failures = new List<string>();
        foreach (var (command, method, path, routeFields) in routes)
        {
            var spec = Specs.Single(s => s.Command == command);
            await spec.Valid.SampleAsync(async valid =>
            {
                var body = CommandSpec.Deconstruct(valid);
                // A value no enum member has is refused by the JSON reader before any validator (FuzzTests covers it); route ids are not in the body.
                foreach (var mutation in spec.Mutations(body).Where(m => m.Value is not System.Enum && !routeFields.Contains(m.Path)))
                {
                    var sent = body.With(FieldOf(mutation.Path), mutation.Value).Where(kv => !routeFields.Contains(kv.Key))
                        .ToDictionary(kv => Naming.ConvertName(kv.Key), kv => kv.Value);
                    using var request = new HttpRequestMessage(method, path(body)) { Content = JsonContent.Create(sent, options: json) };
                    using var response = await client.SendAsync(request);
                    var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                    var keys = (problem?["errors"] as JsonObject)?.Select(kv => kv.Key).ToList() ?? [];
                    if (response.StatusCode != HttpStatusCode.BadRequest || !keys.Contains(JsonPath(mutation.Path)))
                    {
                        failures.Add($"{command.Name}.{mutation.Path} {mutation.What}: {(int)response.StatusCode} [{string.Join(", ", keys)}]");
                    }
                }
            }, seed: Seed, iter: 4, threads: 1);
        }

        Assert.That(failures.Take(40), Is.Empty);
    }

    /// <summary>
    /// The kind sets the longest deadline (workflows/problem.yaml: immediate 30 days, time-limited 180, long-term 730, counted from the
    /// feedback); a deadline outside that, or before the feedback, is a field error on <c>deadline</c>, and one inside is taken.
    /// </summary>
    [Test]
    public async Task LedgerLine_WhenTheDeadlineDoesNotFitTheKind_IsAFieldErrorOnDeadline()
    {
        var inspection = await NewInspection(Org.Township);
        var problem = await NewProblem(inspection);
        var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(inspection.Id)));
        var fedBack = Host.Clock.Today;
        var client = Host.ClientFor("t1-liaison", "en");
        var longest = new Dictionary<RectificationKind, int> { [RectificationKind.Immediate] = 30, [RectificationKind.TimeLimited] = 180, [RectificationKind.LongTerm] = 730 };
        var failures = new List<string>();
        var offsets = Gen.Frequency((3, Gen.Int[-5, 800]), (2, Gen.OneOf(-1, 0, 29, 30, 31, 179, 180, 181, 729, 730, 731)));

        await Gen.Select(Gen.Enum<RectificationKind>(), offsets, (kind, offset) => (kind, offset)).SampleAsync(async pair =>
        {
            var (kind, offset) = pair;
            var deadline = fedBack.AddDays(offset);
            using var response = await client.PutAsJsonAsync($"/api/plans/{feedback.PlanId}/lines/{problem.Id}", new
            {
                measures = "修订议事规则", responsibleLeader = "张书记", responsibleDepartment = "办公室", kind = kind.ToString(), deadline,
            });
            var fits = offset >= 0 && offset <= longest[kind];
            var errors = (JsonNode.Parse(await response.Content.ReadAsStringAsync())?["errors"] as JsonObject)?.Select(kv => kv.Key).ToList() ?? [];
            var outcome = fits ? response.StatusCode == HttpStatusCode.OK : response.StatusCode == HttpStatusCode.BadRequest && errors.SequenceEqual(["deadline"]);
            if (!outcome)
            {
                failures.Add($"{kind} +{offset} days: {(int)response.StatusCode} [{string.Join(", ", errors)}]");
            }
        }, seed: Seed, iter: 120, threads: 1);

        Assert.That(failures, Is.Empty);
    }
}
