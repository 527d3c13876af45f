using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Clues;
using Rectification.Application.Inspections;
using Rectification.Application.Plans;
using Rectification.Application.Problems;
using Rectification.Application.Reminders;
using Rectification.Domain.Clues;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;
using Rectification.Domain.Reminders;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Persistence;
using DomainUnit = Rectification.Domain.Organization.Unit;
using Expectation = Rectification.Integration.Tests.AuthorizationMatrixTests.Expectation;
using TargetKind = Rectification.Application.Messaging.TargetKind;

namespace Rectification.Integration.Tests;

/// <summary>
/// Ten thousand generated requests, reproducible from one seed, across every API endpoint the host maps: malformed JSON, wrong
/// types, huge strings, unknown enum values, missing bodies, wrong content types, over-long queries, dates far away, random and
/// other units' identifiers, invalid transitions and stale versions, forbidden roles, nobody signed in. Each one is built so that
/// it must be refused; none may fail on the server, every refusal is a ProblemDetails with a code, and the database is unchanged.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class FuzzTests(DatabaseProvider provider) : HostTest(provider)
{
    private const int Seed = 20_260_302;
    private const int RequestCount = 10_000;
    private const int HostileCount = 1_500;

    /// <summary>
    /// Every request must reach the checks it attacks: the anonymous limit (120 a minute per address by default) stopped about
    /// 900 of the ten thousand with a 429 before authentication looked at them. The limiter stays on, far above what is sent.
    /// </summary>
    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["RateLimiting:AnonymousPermitsPerMinute"] = "1000000",
        ["RateLimiting:PermitsPerMinute"] = "1000000",
        ["RateLimiting:SignInPermitsPerMinute"] = "1000000",
    };

    private enum Attack
    {
        ForeignIds, RandomIds, GarbageRouteValues, MalformedJson, WrongTypes, UnknownEnum, MissingBody, WrongContentType,
        InvalidTransition, StaleVersion, ForbiddenRole, LongQuery, Anonymous, UnknownUser, WrongMethod, TooLarge, ConfidentialIds,
    }

    private sealed record Fuzz(Attack Attack, string Endpoint, string? User, HttpMethod Method, string Path, string? ContentType, byte[]? Body, bool LeakCheck);

    private sealed record Outcome(Fuzz Request, int Status, string? MediaType, string Text);

    /// <summary>The objects of one unit in every state the attacks need.</summary>
    private sealed class Objects
    {
        public required DomainUnit Unit { get; init; }
        public required Guid UserId { get; init; }
        public required Guid Inspection { get; init; }
        public required Guid FedBackInspection { get; init; }
        public required Guid Registered { get; init; }
        public required Guid Rectifying { get; init; }
        public required Guid UnderReview { get; init; }
        public required Guid Closed { get; init; }
        public required (Guid Plan, Guid Problem) Drafting { get; init; }
        public required (Guid Plan, Guid Problem) Submitted { get; init; }
        public required (Guid Plan, Guid Problem) Accepted { get; init; }
        public required Guid HandedOverClue { get; init; }
        public required Guid ConcludedClue { get; init; }
        public required Guid PendingExtension { get; init; }
        public required Guid DecidedExtension { get; init; }
        public required Guid ExtendedProblem { get; init; }
        public required Guid OpenTask { get; init; }
        public required Guid DoneTask { get; init; }

        public IEnumerable<Guid> Ids =>
        [
            Inspection, FedBackInspection, Registered, Rectifying, UnderReview, Closed, Drafting.Plan, Drafting.Problem, Submitted.Plan, Submitted.Problem,
            Accepted.Plan, Accepted.Problem, HandedOverClue, ConcludedClue, PendingExtension, DecidedExtension, ExtendedProblem, OpenTask, DoneTask, UserId,
        ];
    }

    private Objects own = null!;
    private Objects foreign = null!;
    private Objects township = null!;
    private Guid round;

    [OneTimeSetUp]
    public async Task BuildTheObjectsToAttack()
    {
        await ApiSurface.AddRoleUsersAsync(Host, Org.Bureau, Org.District1, Org.Hospital, Org.Township);
        round = Ok(await Host.Send<RoundDto>("office", new CreateRound("模糊测试轮次", 2029, 1))).Id;
        own = await Build(Org.Bureau);
        foreign = await Build(Org.Hospital);
        // The in-scope hostile requests may succeed: they get objects of their own, in a unit the ten thousand never touch.
        township = await Build(Org.Township);
    }

    // Ten thousand requests, every one past the rate limits: about 40 s on SQLite and 60 s on PostgreSQL on the 2-core machine.
    [TimeLimit(300)]
    [Test]
    public async Task TenThousandHostileRequests_AreAllRefusedCleanly_AndChangeNothing()
    {
        var endpoints = ApiSurface.Enumerate(Host.Services);
        var handlers = HandlersByKey();
        var rows = AuthorizationMatrixTests.Table.ToDictionary(r => r.Key);
        var random = new Random(Seed);
        var requests = new List<Fuzz>(RequestCount);
        while (requests.Count < RequestCount)
        {
            var endpoint = endpoints[random.Next(endpoints.Count)];
            if (Generate(random, endpoint, rows.GetValueOrDefault(endpoint.Key), handlers.GetValueOrDefault(endpoint.Key)) is { } fuzz)
            {
                requests.Add(fuzz);
            }
        }

        var before = await Snapshot();
        var clients = new ApiSurface.Clients(Host);
        var outcomes = new ConcurrentBag<Outcome>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (fuzz, ct) =>
        {
            using var message = new HttpRequestMessage(fuzz.Method, fuzz.Path);
            if (fuzz.Body is not null)
            {
                message.Content = new ByteArrayContent(fuzz.Body);
                if (fuzz.ContentType is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
                }
            }

            var client = fuzz.Attack == Attack.UnknownUser ? clients.For("nobody-by-this-name") : clients.For(fuzz.User);
            using var response = await client.SendAsync(message, ct);
            outcomes.Add(new Outcome(fuzz, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(ct)));
        });
        clock.Stop();
        var after = await Snapshot();

        var foreignIds = foreign.Ids.Concat([Org.Hospital.Id, Org.District2.Id]).Select(g => g.ToString()).ToList();
        // The unit's own clue sheets and its finding not yet fed back: never named to its own roles, whatever the attack.
        var confidential = ConfidentialOf(own).Select(g => g.ToString()).ToList();
        var failures = new List<string>();
        foreach (var o in outcomes)
        {
            var problem = o.Status >= 400 ? ApiSurface.TryParse(o.Text) as JsonObject : null;
            string? why = o.Status switch
            {
                >= 500 => "a server error",
                < 400 when o.Request.Method != HttpMethod.Get => "a refused request was accepted",
                >= 400 when o.MediaType != "application/problem+json" => $"a {o.MediaType ?? "bodiless"} error",
                >= 400 when problem is null => "an error body that is not well-formed JSON",
                >= 400 when problem!["code"] is not JsonValue code || !code.TryGetValue<string>(out _) || (int?)problem["status"] != o.Status || problem["title"] is null
                    => "an error without code, title and status",
                < 300 when o.Request.LeakCheck && foreignIds.FirstOrDefault(o.Text.Contains) is { } leaked => $"an answer naming {leaked} of another unit",
                < 300 when UnitSideUsers.Contains(o.Request.User) && confidential.FirstOrDefault(o.Text.Contains) is { } secret
                    => $"an answer naming {secret}, confidential to the unit's own roles",
                _ => null,
            };
            if (why is not null)
            {
                failures.Add($"{why}: [{o.Request.Attack}] {o.Request.Method} {Shorten(o.Request.Path, 160)} as {o.Request.User ?? "nobody"} → {o.Status} {Shorten(o.Text, 300)}");
            }
        }

        var histogram = outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        var attacks = outcomes.GroupBy(o => o.Request.Attack).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        var reasons = outcomes.GroupBy(o => o.Request.Attack).OrderBy(g => g.Key).Select(g => $"{g.Key}: {Tally(g)}");
        await TestContext.Out.WriteLineAsync($"Fuzz ({Provider}, seed {Seed}): {outcomes.Count} requests over {endpoints.Count} endpoints in {clock.Elapsed.TotalSeconds:0.0} s " +
            $"({outcomes.Count / clock.Elapsed.TotalSeconds:0} per second)");
        await TestContext.Out.WriteLineAsync($"  status codes: {string.Join(", ", histogram)}");
        await TestContext.Out.WriteLineAsync($"  attacks: {string.Join(", ", attacks)}");
        await TestContext.Out.WriteLineAsync($"  refused, by attack (status code×count):\n    {string.Join("\n    ", reasons)}");
        await TestContext.Out.WriteLineAsync($"  database: {before.Count} tables, {before.Sum(t => t.Value.Rows)} rows before and {after.Sum(t => t.Value.Rows)} after");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcomes, Has.Count.EqualTo(RequestCount));
            Assert.That(outcomes.Where(o => o.Status == 429).Select(o => $"[{o.Request.Attack}] {o.Request.Method} {Shorten(o.Request.Path, 100)}").Take(10), Is.Empty,
                "requests stopped by a rate limit never reached the checks they attack");
            // Nobody signed in, or a name nobody has: authentication answers, unless the request's shape (its query, its media
            // type, its size) was refused before anyone looked at who sent it.
            Assert.That(outcomes.Where(o => o.Request.Attack is Attack.Anonymous or Attack.UnknownUser && !AuthorizationMatrixTests.AnonymousEndpoints.Contains(o.Request.Endpoint)
                    && o.Status != 401 && !(ApiSurface.TryParse(o.Text)?["code"] is JsonValue code && ((string?)code)?.StartsWith("request.", StringComparison.Ordinal) == true))
                .Select(o => $"[{o.Request.Attack}] {o.Request.Method} {Shorten(o.Request.Path, 100)} → {o.Status} {Shorten(o.Text, 120)}").Take(10), Is.Empty,
                "unauthenticated requests answered otherwise than 401");
            Assert.That(failures, Is.Empty, () => $"{failures.Count} of {outcomes.Count} requests were answered badly; the first 40:\n" + string.Join("\n", failures.Take(40)));
            Assert.That(after, Is.EqualTo(before), () => "refused requests changed the database: " +
                string.Join(", ", after.Where(t => !before.TryGetValue(t.Key, out var b) || b != t.Value).Select(t => $"{t.Key} {before.GetValueOrDefault(t.Key)} → {t.Value}")));
        }
    }

    /// <summary>
    /// Hostile field values on requests that are otherwise right: a role allowed to send them, on the township's own objects
    /// in the state the trigger needs. They may succeed or be refused as bad input (or by a rule), never fail on the server, and
    /// never change another unit's objects.
    /// </summary>
    [TimeLimit(300)]
    [Test]
    public async Task HostileFieldValues_OnInScopeRequests_AreAcceptedOrRefusedWithProblemDetails_AndNeverTouchAnotherUnit()
    {
        var rows = AuthorizationMatrixTests.Table.ToDictionary(r => r.Key);
        var handlers = HandlersByKey();
        // Requests with a JSON body; the evidence upload is multipart and has suites of its own.
        var endpoints = ApiSurface.Enumerate(Host.Services)
            .Where(e => e.HasBody && e.Method != "GET" && rows.ContainsKey(e.Key) && e.BodyType!.Namespace?.StartsWith("Rectification", StringComparison.Ordinal) == true)
            .ToList();
        var random = new Random(Seed + 1);
        var requests = new List<Fuzz>(HostileCount);
        while (requests.Count < HostileCount)
        {
            var endpoint = endpoints[random.Next(endpoints.Count)];
            var row = rows[endpoint.Key];
            var (objects, role) = RightStates.TryGetValue(endpoint.Key, out var right)
                ? (With(township, right.Item1), right.Item2)
                : (township, row.Roles[random.Next(row.Roles.Count)]);
            var body = Hostile(random, Template(endpoint.BodyType!, objects, random));
            requests.Add(new Fuzz(Attack.WrongTypes, endpoint.Key, $"t1-{Suffix(role)}", new HttpMethod(endpoint.Method),
                Path(random, endpoint, objects, handlers.GetValueOrDefault(endpoint.Key), garbage: false), "application/json",
                Encoding.UTF8.GetBytes(body.ToJsonString()), LeakCheck: false));
        }

        var before = await OtherUnitsRows(Org.Township);
        var clients = new ApiSurface.Clients(Host);
        var outcomes = new ConcurrentBag<Outcome>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (fuzz, ct) =>
        {
            using var message = new HttpRequestMessage(fuzz.Method, fuzz.Path) { Content = new ByteArrayContent(fuzz.Body!) };
            message.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
            using var response = await clients.For(fuzz.User).SendAsync(message, ct);
            outcomes.Add(new Outcome(fuzz, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(ct)));
        });
        clock.Stop();
        var after = await OtherUnitsRows(Org.Township);

        var failures = new List<string>();
        foreach (var o in outcomes)
        {
            var problem = o.Status >= 400 ? ApiSurface.TryParse(o.Text) as JsonObject : null;
            string? why = o.Status switch
            {
                >= 500 => "a server error",
                429 => "stopped by a rate limit",
                401 => "not signed in",
                >= 400 when o.MediaType != "application/problem+json" || problem?["code"] is not JsonValue => "an error that is not a ProblemDetails with a code",
                _ => null,
            };
            if (why is not null)
            {
                failures.Add($"{why}: {o.Request.Method} {Shorten(o.Request.Path, 120)} as {o.Request.User} with {Shorten(Encoding.UTF8.GetString(o.Request.Body!), 200)} → {o.Status} {Shorten(o.Text, 300)}");
            }
        }

        await TestContext.Out.WriteLineAsync($"Hostile fields ({Provider}, seed {Seed + 1}): {outcomes.Count} in-scope requests over {endpoints.Count} endpoints in {clock.Elapsed.TotalSeconds:0.0} s: {Tally(outcomes)}");
        foreach (var endpoint in outcomes.GroupBy(o => o.Request.Endpoint).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await TestContext.Out.WriteLineAsync($"  {endpoint.Key}: {Tally(endpoint)}");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failures, Is.Empty, () => $"{failures.Count} of {outcomes.Count} hostile in-scope requests were answered badly; the first 40:\n" + string.Join("\n", failures.Take(40)));
            Assert.That(outcomes.Count(o => o.Status == 400), Is.GreaterThan(0), "no hostile value was refused as bad input");
            Assert.That(Differences(before, after), Is.Empty, "hostile requests on the township's objects changed another unit's");
        }
    }

    /// <summary>Status and code of each answer, most frequent first: why the requests were refused.</summary>
    private static string Tally(IEnumerable<Outcome> outcomes) =>
        string.Join(", ", outcomes.GroupBy(o => $"{o.Status}{(o.Status >= 400 && ApiSurface.TryParse(o.Text) is JsonObject p && p["code"] is JsonValue c ? " " + c : "")}")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));

    /// <summary>One to three fields of the body replaced by values meant to break something: length, characters, injection, range, type.</summary>
    private static JsonObject Hostile(Random random, JsonObject body)
    {
        var keys = body.Select(p => p.Key).ToList();
        for (var n = 1 + random.Next(3); n > 0 && keys.Count > 0; n--)
        {
            body[keys[random.Next(keys.Count)]] = random.Next(12) switch
            {
                0 => new string('长', 5_000 + random.Next(100_000)),
                1 => "\u0000\u0007\u001b[31m\r\n\t控制",
                2 => "\u202Egnp.exe\u202C \u200F\u2066bidi\u2069 \uFEFF\u200B",
                3 => "'; DROP TABLE \"Problems\"; --",
                4 => "<script>alert(1)</script><img src=x onerror=alert(1)>",
                5 => new[] { "0001-01-01", "9999-12-31", "1900-01-01", "2999-12-31", "2026-02-30" }[random.Next(5)],
                6 => new JsonNode?[] { long.MaxValue, -1, int.MinValue, 1e300, 0.0000001 }[random.Next(5)]?.DeepClone(),
                7 => "😀𠀀𝕏\uD83D",
                8 => null,
                9 => new JsonArray(Enumerable.Range(0, 200).Select(i => (JsonNode?)("项" + i)).ToArray()),
                10 => new JsonObject { ["$type"] = "System.Object", ["__proto__"] = new JsonObject() },
                _ => "   ",
            };
        }

        return body;
    }

    /// <summary>Every row of every table with a unit, outside the given unit, and every unit that existed: what another unit owns.</summary>
    private Task<Dictionary<string, List<string>>> OtherUnitsRows(DomainUnit unit) => Host.Query(async db =>
    {
        var result = new Dictionary<string, List<string>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
            {
                var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
                var column = entity.FindProperty("UnitId")?.GetColumnName(store);
                if (column is null && entity.ClrType != typeof(DomainUnit) || result.ContainsKey(entity.GetTableName()!))
                {
                    continue;
                }

                await using var command = connection.CreateCommand();
                command.CommandText = column is null
                    ? $"SELECT * FROM \"{entity.GetTableName()}\" WHERE \"Id\" <> @unit AND \"ParentId\" IS DISTINCT FROM @unit"
                    : $"SELECT * FROM \"{entity.GetTableName()}\" WHERE \"{column}\" <> @unit";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@unit";
                // SQLite keeps identifiers as upper-case text; a Guid parameter would be bound as a blob and equal nothing.
                parameter.Value = Provider == DatabaseProvider.Sqlite ? unit.Id.ToString().ToUpperInvariant() : unit.Id;
                command.Parameters.Add(parameter);
                var rows = new List<string>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                }

                rows.Sort(StringComparer.Ordinal);
                result[entity.GetTableName()!] = rows;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    });

    /// <summary>
    /// Rows of other units changed or removed, and rows added for them: only a push of a common problem may add some, the
    /// self-check tasks of the units it is pushed to.
    /// </summary>
    private static List<string> Differences(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after) =>
        before.Keys.SelectMany(t =>
        {
            var now = after.GetValueOrDefault(t, []);
            var gone = before[t].Except(now).Select(r => $"{t}: changed or removed {Shorten(r, 200)}");
            var added = t == "SelfCheckTasks" ? [] : now.Except(before[t]).Select(r => $"{t}: added {Shorten(r, 200)}");
            return gone.Concat(added);
        }).Take(20).ToList();

    // ---- generation ----------------------------------------------------------------------------------------------------

    private static readonly string[] ScopedUsers = ApiSurface.Roles.SelectMany(r => new[] { $"b1-{Suffix(r)}", $"d1-{Suffix(r)}" }).ToArray();
    private static readonly string[] AnyUsers = [.. ScopedUsers, "office", "group", "discipline", "organization", "leadership", "admin", "h1-liaison", "h1-leader", "d2-office"];
    private static readonly string[] UnitSideUsers = ["b1-liaison", "b1-leader", "d1-liaison", "d1-leader"];

    private static IEnumerable<Guid> ConfidentialOf(Objects o) => [o.HandedOverClue, o.ConcludedClue, o.Registered];

    private static readonly string[] OtherContentTypes = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "text/json-ish"];

    private static string Suffix(Role role) => ApiSurface.Suffix(role);

    private Fuzz? Generate(Random random, ApiEndpoint endpoint, Expectation? row, MethodInfo? handler)
    {
        var attacks = new List<(Attack Attack, double Weight)>
        {
            (Attack.GarbageRouteValues, endpoint.Pattern.Contains('{') ? 1 : 0),
            (Attack.MalformedJson, endpoint.HasBody ? 1 : 0),
            (Attack.WrongTypes, endpoint.HasBody && Template(endpoint.BodyType!, own, random).Count > 0 ? 1 : 0),
            (Attack.UnknownEnum, endpoint.HasBody && EnumFields(endpoint.BodyType!).Any() ? 1 : 0),
            (Attack.MissingBody, endpoint.HasBody && !endpoint.BodyOptional ? 1 : 0),
            (Attack.WrongContentType, endpoint.HasBody ? 1 : 0),
            (Attack.ForeignIds, row?.Target == AuthorizationMatrixTests.Target.Unit ? 1.5 : 0),
            (Attack.ConfidentialIds, row?.Target == AuthorizationMatrixTests.Target.Unit && endpoint.Pattern.Contains("{id:guid}") ? 1.5 : 0),
            (Attack.RandomIds, row?.Target == AuthorizationMatrixTests.Target.Unit || endpoint.Method == "GET" ? 1.5 : 0),
            (Attack.InvalidTransition, WrongStates.ContainsKey(endpoint.Key) ? 1.5 : 0),
            (Attack.StaleVersion, RightStates.ContainsKey(endpoint.Key) ? 1 : 0),
            (Attack.ForbiddenRole, row is not null && ApiSurface.Roles.Any(r => !row.Roles.Contains(r)) ? 1 : 0),
            (Attack.LongQuery, endpoint.Method == "GET" ? 1 : 0),
            (Attack.Anonymous, 0.4),
            (Attack.UnknownUser, 0.2),
            (Attack.WrongMethod, 0.3),
            (Attack.TooLarge, 0.03),
        };
        var total = attacks.Sum(a => a.Weight);
        var pick = random.NextDouble() * total;
        var attack = attacks.First(a => (pick -= a.Weight) < 0 || a == attacks[^1]).Attack;
        if (attacks.First(a => a.Attack == attack).Weight == 0)
        {
            return null;
        }

        var user = AnyUsers[random.Next(AnyUsers.Length)];
        var objects = random.Next(2) == 0 ? own : foreign;
        var method = new HttpMethod(endpoint.Method);
        var leakCheck = false;
        string path;
        JsonNode? body = endpoint.HasBody ? Template(endpoint.BodyType!, objects, random) : null;
        byte[]? raw = null;
        var contentType = "application/json";

        switch (attack)
        {
            case Attack.ForeignIds:
                user = ScopedUsers[random.Next(ScopedUsers.Length)];
                objects = foreign;
                body = endpoint.HasBody ? Vary(random, Template(endpoint.BodyType!, objects, random)) : null;
                leakCheck = true;
                break;
            case Attack.ConfidentialIds:
                // The unit's own roles, on the unit's own clue sheets and finding not yet fed back: those must answer like missing ones.
                user = UnitSideUsers[random.Next(UnitSideUsers.Length)];
                objects = own;
                body = endpoint.HasBody ? Template(endpoint.BodyType!, objects, random) : null;
                break;
            case Attack.RandomIds:
                objects = Randomized();
                body = endpoint.HasBody ? Vary(random, Template(endpoint.BodyType!, objects, random)) : null;
                break;
            case Attack.MalformedJson:
                raw = Malformed(random, endpoint.BodyOptional);
                break;
            case Attack.WrongTypes:
                body = WrongType(random, (JsonObject)body!);
                break;
            case Attack.UnknownEnum:
            {
                var field = EnumFields(endpoint.BodyType!).ElementAt(random.Next(EnumFields(endpoint.BodyType!).Count()));
                body![field] = new[] { "Catastrophic", "", "null", "999", "General ", "Purple", "__proto__", "红色" }[random.Next(8)];
                break;
            }
            case Attack.MissingBody:
                body = null;
                break;
            case Attack.WrongContentType:
                contentType = OtherContentTypes[random.Next(OtherContentTypes.Length)];
                break;
            case Attack.InvalidTransition:
            {
                var (kind, role) = WrongStates[endpoint.Key][random.Next(WrongStates[endpoint.Key].Length)];
                user = $"b1-{Suffix(role)}";
                objects = With(own, kind);
                body = endpoint.HasBody ? Template(endpoint.BodyType!, objects, random) : null;
                break;
            }
            case Attack.StaleVersion:
            {
                var (kind, role) = RightStates[endpoint.Key];
                user = $"b1-{Suffix(role)}";
                objects = With(own, kind);
                body = Template(endpoint.BodyType!, objects, random);
                // Never 0 or 1: a fresh object may really be at those versions.
                body["expectedVersion"] = new long[] { -1, 999_999, long.MaxValue }[random.Next(3)];
                break;
            }
            case Attack.ForbiddenRole:
            {
                var forbidden = ApiSurface.Roles.Where(r => !row!.Roles.Contains(r)).ToList();
                user = $"{(random.Next(2) == 0 ? "b1" : "d1")}-{Suffix(forbidden[random.Next(forbidden.Count)])}";
                objects = own;
                body = endpoint.HasBody ? Template(endpoint.BodyType!, objects, random) : null;
                leakCheck = true;
                break;
            }
            case Attack.Anonymous:
                user = null;
                break;
            case Attack.WrongMethod:
                method = new HttpMethod(new[] { "DELETE", "PATCH", "PUT", "POST", "GET" }.Where(m => m != endpoint.Method).ElementAt(random.Next(4)));
                break;
            case Attack.TooLarge:
                raw = Encoding.UTF8.GetBytes("{\"text\":\"" + new string('大', 400_000) + "\"}");
                break;
        }

        path = Path(random, endpoint, objects, handler, attack == Attack.GarbageRouteValues);
        if (attack == Attack.ConfidentialIds)
        {
            var secret = ConfidentialOf(own).ElementAt(random.Next(3));
            path = Regex.Replace(path, "^(/api/[a-z-]+/)[0-9a-f-]{36}", m => m.Groups[1].Value + secret);
        }
        if (attack == Attack.LongQuery || random.Next(20) == 0)
        {
            path += (path.Contains('?') ? "&" : "?") + LongQuery(random);
        }

        if (ScopedUsers.Contains(user) && attack is not (Attack.ForeignIds or Attack.ForbiddenRole))
        {
            leakCheck = true;
        }

        // Sent as written: a GET may succeed (it changes nothing); anything else must be refused for the reason generated.
        raw ??= body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString());
        if (raw is null && method != HttpMethod.Get && attack != Attack.MissingBody && endpoint.HasBody)
        {
            raw = "{}"u8.ToArray();
        }

        return new Fuzz(attack, endpoint.Key, user, method, path, raw is null ? null : contentType, raw, leakCheck);
    }

    private static JsonNode Vary(Random random, JsonObject body)
    {
        for (var n = random.Next(3); n > 0; n--)
        {
            var keys = body.Select(p => p.Key).ToList();
            var key = keys.Count > 0 && random.Next(5) > 0 ? keys[random.Next(keys.Count)] : "unexpected" + random.Next(100);
            body[key] = random.Next(9) switch
            {
                0 => new string('长', 100_000 + random.Next(60_000)),
                1 => new[] { "0001-01-01", "9999-12-31", "1900-02-28", "2999-12-31", "1969-12-31" }[random.Next(5)],
                2 => null,
                3 => "😀‮\u200B𠀀𝕏\uFEFF",
                4 => "",
                5 => new[] { -1, int.MaxValue, int.MinValue, 0 }[random.Next(4)],
                6 => 1e20,
                7 => new JsonArray(Enumerable.Range(0, 300).Select(_ => (JsonNode?)Guid.NewGuid().ToString()).ToArray()),
                _ => "' OR 1=1 --",
            };
        }

        return body;
    }

    private static byte[] Malformed(Random random, bool bodyOptional)
    {
        var texts = new List<string>
        {
            "{", "{\"title\":", "{\"a\":}", "[]", "\"str\"", "123", "true", "{\"title\":\"x\",}", "{'title':'x'}",
            new string('[', 3000) + new string(']', 3000), new string('{', 1) + string.Concat(Enumerable.Repeat("\"a\":{", 200)) + "}", "\uFEFF{oops}",
            "{\"title\":\"unterminated", "<xml/>", "{\"a\":1}{\"b\":2}", "{\"a\":NaN}", "{\"a\":01}",
        };
        if (!bodyOptional)
        {
            texts.Add("null");
        }

        // Random bytes end in a raw control character, which no JSON text may hold: they never happen to spell "{}".
        return random.Next(8) == 0
            ? Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256)).Prepend((byte)'{').Append((byte)0x01).ToArray()
            : Encoding.UTF8.GetBytes(texts[random.Next(texts.Count)]);
    }

    private static JsonNode WrongType(Random random, JsonObject body)
    {
        var keys = body.Select(p => p.Key).ToList();
        var key = keys[random.Next(keys.Count)];
        JsonNode?[] strings = [12345, true, new JsonArray(), new JsonObject(), 1.5];
        JsonNode?[] others = ["not-a-value", new JsonArray(1, 2), new JsonObject { ["x"] = 1 }, "🙂"];
        body[key] = body[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? strings[random.Next(strings.Length)]?.DeepClone()
            : body[key] is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? new JsonNode?[] { 1, "yes", new JsonArray() }[random.Next(3)]
                : others[random.Next(others.Length)]?.DeepClone();
        return body;
    }

    private static string LongQuery(Random random) => random.Next(6) switch
    {
        0 => "state=" + new string('s', 20_000 + random.Next(40_000)),
        1 => string.Join("&", Enumerable.Range(0, 500).Select(i => $"p{i}={i}")),
        2 => "unitId=" + Uri.EscapeDataString("'; DROP TABLE \"Problems\"; --"),
        3 => "page=" + new[] { "0", "-5", "99999999999", "abc", "1e3" }[random.Next(5)] + "&pageSize=" + new[] { "0", "100000", "-1" }[random.Next(3)],
        4 => "colour=" + new[] { "Purple", "999", "" }[random.Next(3)] + "&status=" + new[] { "Nope", "-1" }[random.Next(2)] + "&overdue=maybe",
        _ => "inspectionId=" + Uri.EscapeDataString(new string('g', 5000)) + "&from=x&to=%00",
    };

    private string Path(Random random, ApiEndpoint endpoint, Objects objects, MethodInfo? handler, bool garbage)
    {
        var routeNames = new List<string>();
        var path = Regex.Replace(endpoint.Pattern, "\\{([^}:?]+)[^}]*\\}", m =>
        {
            var name = m.Groups[1].Value;
            routeNames.Add(name);
            if (garbage)
            {
                return new[]
                {
                    "x", "0", "-1", "..", "%2e%2e", "null", "%7Bid%7D", "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000g",
                    new string('9', 5000), "%2Fetc%2Fpasswd", "99999999999", Uri.EscapeDataString("问题"),
                }[random.Next(13)];
            }

            return name switch
            {
                "name" => new[] { "problem", "plan", "clue" }[random.Next(3)],
                "version" => "1",
                "problemId" => PlanOf(objects, endpoint.Pattern, random).Problem.ToString(),
                _ => IdFor(endpoint.Pattern, objects, random).ToString(),
            };
        });

        var query = new List<string>();
        foreach (var parameter in handler?.GetParameters() ?? [])
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (parameter.Name is null || routeNames.Contains(parameter.Name) || !(type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly)))
            {
                continue;
            }

            if (Nullable.GetUnderlyingType(parameter.ParameterType) is not null || parameter.ParameterType == typeof(string) ? random.Next(2) == 0 : false)
            {
                continue;
            }

            query.Add($"{parameter.Name}={Uri.EscapeDataString(QueryValue(parameter.Name, type, objects))}");
        }

        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    private string QueryValue(string name, Type type, Objects objects) => name switch
    {
        "unitId" or "parentId" => objects.Unit.Id.ToString(),
        "inspectionId" => objects.Inspection.ToString(),
        "roundId" => round.ToString(),
        "state" => "Rectifying",
        "from" or "to" or "page" => "1",
        "pageSize" => "20",
        "format" => "json",
        "digest" => "1:" + new string('a', 64),
        _ when type.IsEnum => Enum.GetNames(type)[0],
        _ when type == typeof(bool) => "true",
        _ when type == typeof(Guid) => objects.Inspection.ToString(),
        _ => "1",
    };

    private static Guid IdFor(string pattern, Objects o, Random random)
    {
        var segment = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        Guid[] choices = segment switch
        {
            "inspections" => [o.Inspection, o.FedBackInspection],
            "problems" => [o.Registered, o.Rectifying, o.UnderReview, o.Closed],
            "plans" => [o.Drafting.Plan, o.Submitted.Plan, o.Accepted.Plan],
            "clues" => [o.HandedOverClue, o.ConcludedClue],
            "extensions" => [o.PendingExtension, o.DecidedExtension],
            "tasks" => [o.OpenTask, o.DoneTask],
            _ => [o.Inspection],
        };
        return choices[random.Next(choices.Length)];
    }

    private static (Guid Plan, Guid Problem) PlanOf(Objects o, string pattern, Random random) =>
        new[] { o.Drafting, o.Submitted, o.Accepted }[random.Next(3)];

    /// <summary>A body of the endpoint's type with plausible values, from the record's constructor: new endpoints are covered unasked.</summary>
    private JsonObject Template(Type type, Objects o, Random random)
    {
        var body = new JsonObject();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        foreach (var parameter in constructor?.GetParameters() ?? [])
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            var value = Value(name, parameter.ParameterType, o, random);
            if (value is not null || Nullable.GetUnderlyingType(parameter.ParameterType) is null)
            {
                body[name] = value;
            }
        }

        return body;
    }

    private JsonNode? Value(string name, Type declared, Objects o, Random random)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        return name switch
        {
            "expectedVersion" => null,
            "parentId" or "unitId" => o.Unit.Id.ToString(),
            "roundId" => round.ToString(),
            "caseId" => o.ExtendedProblem.ToString(),
            "deputyUserId" => o.UserId.ToString(),
            "lookBackInspectionId" => o.Inspection.ToString(),
            "problemIds" => new JsonArray(o.Rectifying.ToString()),
            "sha256" => new string('a', 64),
            "code" => "FZ-" + random.Next(1_000_000),
            "approve" => true,
            "from" when type == typeof(DateOnly) => "2031-01-01",
            "to" when type == typeof(DateOnly) => "2031-01-10",
            "startDate" => "2026-01-05",
            "endDate" => "2026-02-28",
            "year" => 2026,
            "source" => "PublicSurvey",
            _ when type == typeof(string) => "模糊测试 fuzz",
            _ when type == typeof(Guid) => o.Rectifying.ToString(),
            _ when type == typeof(DateOnly) => "2026-06-30",
            _ when type == typeof(bool) => true,
            _ when type == typeof(decimal) || type == typeof(double) => 1.5,
            _ when type.IsPrimitive => 1,
            _ when type.IsEnum => type == typeof(TargetKind) ? "Problem" : Enum.GetNames(type)[type == typeof(RectificationKind) ? 1 : 0],
            _ when type.IsGenericType && type.GetGenericArguments()[0] is var element && element != typeof(string) && element.IsClass
                => new JsonArray(Template(element, o, random)),
            _ when type.IsGenericType => new JsonArray(),
            _ when type.IsClass => Template(type, o, random),
            _ => null,
        };
    }

    private static IEnumerable<string> EnumFields(Type type) =>
        (type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters() ?? [])
            .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).IsEnum)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!));

    private static Objects Randomized() => new()
    {
        Unit = DomainUnit.Create(Guid.NewGuid(), "R", "随机", UnitLevel.Bureau, null),
        UserId = Guid.NewGuid(), Inspection = Guid.NewGuid(), FedBackInspection = Guid.NewGuid(), Registered = Guid.NewGuid(), Rectifying = Guid.NewGuid(),
        UnderReview = Guid.NewGuid(), Closed = Guid.NewGuid(), Drafting = (Guid.NewGuid(), Guid.NewGuid()), Submitted = (Guid.NewGuid(), Guid.NewGuid()),
        Accepted = (Guid.NewGuid(), Guid.NewGuid()), HandedOverClue = Guid.NewGuid(), ConcludedClue = Guid.NewGuid(), PendingExtension = Guid.NewGuid(),
        DecidedExtension = Guid.NewGuid(), ExtendedProblem = Guid.NewGuid(), OpenTask = Guid.NewGuid(), DoneTask = Guid.NewGuid(),
    };

    private enum State { Registered, Rectifying, UnderReview, Closed, Drafting, Submitted, Accepted, HandedOverClue, ConcludedClue, DecidedExtension, DoneTask, FedBackInspection, PendingExtensionCase }

    /// <summary>Objects whose state refuses the trigger, and a role that could fire it in the right state.</summary>
    private static readonly Dictionary<string, (State, Role)[]> WrongStates = new()
    {
        ["POST /api/problems/{id:guid}/feedback"] = [(State.Rectifying, Role.InspectionOffice), (State.Closed, Role.InspectionGroup)],
        ["POST /api/problems/{id:guid}/progress"] = [(State.Closed, Role.UnitLiaison), (State.UnderReview, Role.UnitLeader), (State.Registered, Role.UnitLiaison)],
        ["POST /api/problems/{id:guid}/submit-for-review"] = [(State.Closed, Role.UnitLiaison), (State.Registered, Role.UnitLeader), (State.UnderReview, Role.UnitLiaison)],
        ["POST /api/problems/{id:guid}/sign-off"] = [(State.Rectifying, Role.DisciplineCommission), (State.Closed, Role.OrganizationDepartment)],
        ["POST /api/problems/{id:guid}/close"] = [(State.Rectifying, Role.InspectionOffice), (State.Registered, Role.InspectionOffice), (State.Closed, Role.InspectionOffice)],
        ["POST /api/problems/{id:guid}/reopen"] = [(State.Rectifying, Role.InspectionOffice), (State.UnderReview, Role.InspectionGroup)],
        ["PUT /api/plans/{id:guid}/lines/{problemId:guid}"] = [(State.Accepted, Role.UnitLiaison), (State.Submitted, Role.UnitLeader)],
        ["POST /api/plans/{id:guid}/submit"] = [(State.Accepted, Role.UnitLiaison), (State.Submitted, Role.UnitLeader)],
        ["POST /api/plans/{id:guid}/accept"] = [(State.Drafting, Role.DisciplineCommission), (State.Accepted, Role.InspectionOffice)],
        ["POST /api/plans/{id:guid}/return"] = [(State.Drafting, Role.OrganizationDepartment), (State.Accepted, Role.DisciplineCommission)],
        ["POST /api/clues/{id:guid}/accept"] = [(State.ConcludedClue, Role.DisciplineCommission)],
        ["POST /api/clues/{id:guid}/start-investigation"] = [(State.ConcludedClue, Role.DisciplineCommission), (State.HandedOverClue, Role.DisciplineCommission)],
        ["POST /api/clues/{id:guid}/conclude"] = [(State.ConcludedClue, Role.DisciplineCommission), (State.HandedOverClue, Role.DisciplineCommission)],
        ["POST /api/inspections/{id:guid}/feedback"] = [(State.FedBackInspection, Role.InspectionOffice)],
        ["POST /api/extensions/{id:guid}/decide"] = [(State.DecidedExtension, Role.InspectionOffice), (State.DecidedExtension, Role.DisciplineCommission)],
        ["POST /api/tasks/{id:guid}/complete"] = [(State.DoneTask, Role.UnitLeader), (State.DoneTask, Role.InspectionOffice)],
        ["POST /api/extensions"] = [(State.PendingExtensionCase, Role.UnitLiaison), (State.Closed, Role.UnitLeader)],
    };

    /// <summary>Objects in the state the trigger needs, and a role that may fire it: only a stale expected version refuses.</summary>
    private static readonly Dictionary<string, (State, Role)> RightStates = new()
    {
        ["POST /api/problems/{id:guid}/feedback"] = (State.Registered, Role.InspectionOffice),
        ["POST /api/problems/{id:guid}/progress"] = (State.Rectifying, Role.UnitLiaison),
        ["POST /api/problems/{id:guid}/submit-for-review"] = (State.Rectifying, Role.UnitLeader),
        ["POST /api/problems/{id:guid}/sign-off"] = (State.UnderReview, Role.DisciplineCommission),
        ["POST /api/problems/{id:guid}/close"] = (State.UnderReview, Role.InspectionOffice),
        ["POST /api/problems/{id:guid}/reopen"] = (State.Closed, Role.InspectionOffice),
        ["PUT /api/plans/{id:guid}/lines/{problemId:guid}"] = (State.Drafting, Role.UnitLiaison),
        ["POST /api/plans/{id:guid}/submit"] = (State.Drafting, Role.UnitLeader),
        ["POST /api/plans/{id:guid}/accept"] = (State.Submitted, Role.DisciplineCommission),
        ["POST /api/plans/{id:guid}/return"] = (State.Submitted, Role.InspectionOffice),
        ["POST /api/clues/{id:guid}/accept"] = (State.HandedOverClue, Role.DisciplineCommission),
        ["POST /api/clues/{id:guid}/conclude"] = (State.ConcludedClue, Role.DisciplineCommission),
    };

    /// <summary>The unit's objects with the one in <paramref name="state"/> put where the attack reads its identifiers.</summary>
    private static Objects With(Objects o, State state)
    {
        Guid problem = state switch
        {
            State.Registered => o.Registered,
            State.Rectifying => o.Rectifying,
            State.UnderReview => o.UnderReview,
            State.Closed => o.Closed,
            State.PendingExtensionCase => o.ExtendedProblem,
            _ => o.Rectifying,
        };
        var plan = state switch { State.Drafting => o.Drafting, State.Submitted => o.Submitted, _ => o.Accepted };
        var clue = state == State.HandedOverClue ? o.HandedOverClue : o.ConcludedClue;
        return new Objects
        {
            Unit = o.Unit, UserId = o.UserId, Inspection = state == State.FedBackInspection ? o.FedBackInspection : o.Inspection, FedBackInspection = o.FedBackInspection,
            Registered = problem, Rectifying = problem, UnderReview = problem, Closed = problem, Drafting = plan, Submitted = plan, Accepted = plan,
            HandedOverClue = clue, ConcludedClue = clue, PendingExtension = o.DecidedExtension, DecidedExtension = o.DecidedExtension, ExtendedProblem = problem,
            OpenTask = o.DoneTask, DoneTask = o.DoneTask,
        };
    }

    private Dictionary<string, MethodInfo> HandlersByKey()
    {
        var handlers = new Dictionary<string, MethodInfo>();
        foreach (var endpoint in Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
            {
                foreach (var verb in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                {
                    handlers[$"{verb} /{(endpoint.RoutePattern.RawText ?? "").Trim('/')}"] = method;
                }
            }
        }

        return handlers;
    }

    // ---- the world to attack -------------------------------------------------------------------------------------------

    private async Task<Objects> Build(DomainUnit unit)
    {
        var liaison = $"{unit.Code.ToLowerInvariant()}-liaison";
        var leader = $"{unit.Code.ToLowerInvariant()}-leader";
        var inspection = await NewInspection(unit);
        var registered = await NewProblem(await NewInspection(unit));
        var (fedBack, acceptedPlan, rectifying) = await InRectification(unit, count: 4);
        var underReview = rectifying[1].Id;
        var closed = rectifying[2].Id;
        foreach (var id in new[] { underReview, closed })
        {
            Ok(await Host.Send<ProblemSummary>(liaison, new ReportProgress(id, "已完成", 100, null, [Evidence()])));
            Ok(await Host.Send<ProblemSummary>(liaison, new SubmitForReview(id)));
        }

        foreach (var signer in new[] { leader, "discipline", "organization" })
        {
            Ok(await Host.Send<ProblemSummary>(signer, new SignOffProblem(closed, true, "同意")));
        }

        Ok(await Host.Send<ProblemSummary>("office", new CloseProblem(closed)));
        var (_, _, extended) = await InRectification(unit, count: 2);
        var pending = Ok(await Host.Send<ExtensionDto>(liaison, new RequestDeadlineExtension(TargetKind.Problem, extended[0].Id, extended[0].Deadline!.Value.AddDays(15), "协调")));
        var decided = Ok(await Host.Send<ExtensionDto>(liaison, new RequestDeadlineExtension(TargetKind.Problem, extended[1].Id, extended[1].Deadline!.Value.AddDays(15), "协调")));
        Ok(await Host.Send<ExtensionDto>("office", new DecideDeadlineExtension(decided.Id, false, "不同意")));

        async Task<(Guid Plan, Guid Problem)> Plan(bool submit)
        {
            var planInspection = await NewInspection(unit);
            var problem = await NewProblem(planInspection);
            var feedback = Ok(await Host.Send<FeedbackDto>("office", new FeedBackInspection(planInspection.Id)));
            if (submit)
            {
                Ok(await Host.Send<PlanDto>(liaison, new EditLedgerLine(feedback.PlanId, problem.Id, "整改措施", "李局长", "办公室", RectificationKind.TimeLimited, Host.Clock.Today.AddDays(60))));
                Ok(await Host.Send<PlanDto>(liaison, new SubmitPlan(feedback.PlanId)));
            }

            return (feedback.PlanId, problem.Id);
        }

        var handedOver = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "线索一", SheetColour.Blue)));
        var concluded = Ok(await Host.Send<ClueDto>("group", new HandOverClue(inspection.Id, "线索二", SheetColour.Red)));
        Ok(await Host.Send<ClueDto>("discipline", new AcceptClue(concluded.Id)));
        Ok(await Host.Send<ClueDto>("discipline", new StartInvestigation(concluded.Id)));
        Ok(await Host.Send<ClueDto>("discipline", new ConcludeClue(concluded.Id, "查无实据", 0, 0, 0, 0m)));

        var open = SupervisionTask.Open(SupervisionTaskKind.ReminderTalk, Problem.Lifecycle, rectifying[0].Id, unit.Id, Role.UnitLeader, Host.Clock.Today.AddDays(3), Host.Clock.GetUtcNow().UtcDateTime);
        var done = SupervisionTask.Open(SupervisionTaskKind.ReminderTalk, Problem.Lifecycle, rectifying[0].Id, unit.Id, Role.UnitLeader, Host.Clock.Today.AddDays(3), Host.Clock.GetUtcNow().UtcDateTime);
        done.Complete(Guid.NewGuid(), "已谈话", Host.Clock.GetUtcNow().UtcDateTime);
        await Host.Query(async db =>
        {
            db.Tasks.AddRange(open, done);
            return await db.SaveChangesAsync();
        });

        return new Objects
        {
            Unit = unit, UserId = await ApiSurface.UserIdAsync(Host, liaison), Inspection = inspection.Id, FedBackInspection = fedBack.Id, Registered = registered.Id,
            Rectifying = rectifying[0].Id, UnderReview = underReview, Closed = closed, Drafting = await Plan(false), Submitted = await Plan(true),
            Accepted = (acceptedPlan, rectifying[3].Id), HandedOverClue = handedOver.Id, ConcludedClue = concluded.Id, PendingExtension = pending.Id,
            DecidedExtension = decided.Id, ExtendedProblem = extended[0].Id, OpenTask = open.Id, DoneTask = done.Id,
        };
    }

    /// <summary>Rows and the sum of versions of every table of the model: any change a refused request made shows here.</summary>
    private async Task<Dictionary<string, (long Rows, long Versions)>> Snapshot() => await Host.Query(async db =>
    {
        var result = new Dictionary<string, (long, long)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
            {
                var table = entity.GetTableName()!;
                if (result.ContainsKey(table))
                {
                    continue;
                }

                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                var version = entity.FindProperty("Version")?.GetColumnName(store);
                var name = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table}\"" : $"\"{table}\"";
                await using var command = connection.CreateCommand();
                // Sign-in attempts are audited whoever makes them and however they end: those entries are the one change a refused
                // request must make.
                var filter = table == "AuditEntries" ? $" WHERE \"Command\" <> '{Application.Administration.Accounts.RecordSignIn.Command}'" : "";
                command.CommandText = $"SELECT COUNT(*), {(version is null ? "0" : $"COALESCE(SUM(\"{version}\"), 0)")} FROM {name}{filter}";
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                result[table] = (Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    });

    private static string Shorten(string text, int length) => text.Length > length ? text[..length] + "…" : text;
}
