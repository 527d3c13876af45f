using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Rectification.Bench;

internal sealed record PageTiming(string User, string Page, int Requests, double P50Ms, double P95Ms, double MaxMs, int Bytes);

/// <summary>
/// The workplace pages as a browser asks for them: the real host (the built Rectification.Web, on Kestrel over loopback) with the
/// demo deployment on a fresh SQLite file, signed in through the form, each page requested one after another. The floor is the
/// health endpoint in the same run (the host's round trip with one database query), so a slow machine shows as a slow floor.
/// </summary>
internal sealed partial class PageBenchmark(int requests)
{
    public const double TargetP95Ms = 100;

    // The inspection office sees every unit's problems (the largest ledger); a liaison sees one unit's.
    private static readonly string[] Users = ["office", "xm-sm-001-liaison"];
    private static readonly string[] Pages = ["/", "/ledger", "/ledger?sort=Deadline&overdue=true", "/receipts"];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var web = FindWebHost();
        var folder = Directory.CreateTempSubdirectory("rectification-pages-");
        var port = FreePort();
        var address = $"http://127.0.0.1:{port}";
        Console.WriteLine($"Page benchmark: {web}, demo deployment on {folder.FullName}, {requests} requests per page and user after 20 unmeasured");
        using var host = StartHost(web, folder.FullName, address);
        try
        {
            var seeding = Stopwatch.StartNew();
            using var anonymous = new HttpClient { BaseAddress = new Uri(address) };
            await WaitForHealthAsync(anonymous, host, ct);
            Console.WriteLine($"  host up with the demo deployment after {seeding.Elapsed.TotalSeconds:F0} s");

            var floor = await TimeAsync(anonymous, "/health", ct);
            var timings = new List<PageTiming>();
            foreach (var user in Users)
            {
                using var client = await SignInAsync(address, user, ct);
                foreach (var page in Pages)
                {
                    timings.Add(await TimeAsync(client, page, ct) with { User = user });
                }
            }

            Console.WriteLine();
            Console.WriteLine($"| user | page | requests | p50 (ms) | p95 (ms) | max (ms) | size (KB) |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| — | /health (floor) | {floor.Requests} | {floor.P50Ms:F1} | {floor.P95Ms:F1} | {floor.MaxMs:F1} | {floor.Bytes / 1024.0:F1} |");
            foreach (var t in timings)
            {
                Console.WriteLine($"| {t.User} | {t.Page} | {t.Requests} | {t.P50Ms:F1} | {t.P95Ms:F1} | {t.MaxMs:F1} | {t.Bytes / 1024.0:F1} |");
            }

            var worst = timings.MaxBy(t => t.P95Ms)!;
            var met = worst.P95Ms < TargetP95Ms;
            Console.WriteLine();
            Console.WriteLine($"Target: every page p95 under {TargetP95Ms:F0} ms: {(met ? "met" : "MISSED")} (worst {worst.User} {worst.Page} p95 {worst.P95Ms:F1} ms, " +
                $"{worst.P95Ms / Math.Max(floor.P50Ms, 0.1):F0}× the floor's p50 {floor.P50Ms:F1} ms); load average {LoadAverage()}");
            return met ? 0 : 1;
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(CancellationToken.None);
            folder.Delete(recursive: true);
        }
    }

    private async Task<PageTiming> TimeAsync(HttpClient client, string page, CancellationToken ct)
    {
        var times = new List<double>(requests);
        var bytes = 0;
        for (var i = 0; i < requests + 20; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(page, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}");
            }

            if (i >= 20)
            {
                times.Add(elapsed);
                bytes = body.Length;
            }
        }

        return new PageTiming("", page, times.Count, Stats.Percentile(times, 50), Stats.Percentile(times, 95), Stats.Max(times), bytes);
    }

    /// <summary>Signs in through the form, as a browser does: the antiforgery token from the page, then the post; the cookie stays in the client.</summary>
    private static async Task<HttpClient> SignInAsync(string address, string user, CancellationToken ct)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var form = await client.GetStringAsync("/account/sign-in", ct);
        var token = TokenInput().Match(form) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the sign-in form.");
        using var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = $"Demo-{user}-2026",
            ["__RequestVerificationToken"] = token,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {user} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    private static Process StartHost(string web, string folder, string address)
    {
        var start = new ProcessStartInfo("dotnet", [web, "--seed-demo"])
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Outside Production (the demo's accounts have published passwords); no rate limit, since one client asks for thousands of pages.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        start.Environment["ASPNETCORE_URLS"] = address;
        start.Environment["ConnectionStrings__Rectification"] = $"Data Source={Path.Combine(folder, "rectification.db")}";
        start.Environment["Email__PickupFolder"] = Path.Combine(folder, "mail");
        start.Environment["Evidence__Folder"] = Path.Combine(folder, "evidence");
        start.Environment["RateLimiting__Enabled"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"  host: {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient client, Process host, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {host.ExitCode}.");
            }

            try
            {
                using var response = await client.GetAsync("/health", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the demo is still being seeded.
            }

            await Task.Delay(500, ct);
        }

        throw new TimeoutException("The host did not answer /health within 5 minutes.");
    }

    /// <summary>The web host built in the same configuration as this benchmark.</summary>
    private static string FindWebHost()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Rectification.Web", "bin", configuration, "net10.0", "Rectification.Web.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Rectification.Web.dll ({configuration}) not found: build the solution in {configuration} first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
