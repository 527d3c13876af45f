using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rectification.Application.Administration;
using Rectification.Application.Problems;
using Rectification.Infrastructure;
using Rectification.Infrastructure.Operations;

namespace Rectification.Integration.Tests;

/// <summary>
/// The restore drill of deploy/OPERATIONS.md, as an operator runs it: <c>backup --to</c> by the real program while the system serves
/// (with pg_dump for PostgreSQL), a change made after it, a restore into a fresh database with the backed-up evidence folder, and
/// then the proof: the audit chain verifies against the head the backup recorded, the later change is not there, and every evidence
/// file's SHA-256 is the one recorded when it was uploaded.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class RestoreDrillTests(DatabaseProvider provider) : HostTest(provider)
{
    [TimeLimit(300)]
    [Test]
    public async Task Backup_RestoredIntoAFreshDatabase_VerifiesItsAuditChain_AndEveryEvidenceHash()
    {
        var (_, _, problems) = await InRectification(Org.Bureau, 2);
        Ok(await Host.Send<EvidenceFileDto>("b1-liaison", new RecordEvidenceFile(problems[0].Id, new Support.TestUpload("整改报告.pdf", EvidenceTests.PdfBytes(11)))));
        Ok(await Host.Send<EvidenceFileDto>("b1-liaison", new RecordEvidenceFile(problems[1].Id, new Support.TestUpload("会议纪要.pdf", EvidenceTests.PdfBytes(12)))));
        var folder = Path.Combine(Path.GetTempPath(), "rectification-tests", "drill-" + Guid.NewGuid().ToString("N"));
        string? restoredDatabase = null;
        try
        {
            var (exit, log) = await BackupAsync(Path.Combine(folder, "backup"));
            Assert.That(exit, Is.Zero, log);
            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(folder, "backup", Backup.ManifestFileName)))!;
            DatabaseOptions restored;
            if (Provider == DatabaseProvider.Sqlite)
            {
                var file = Path.Combine(folder, "restored.db");
                File.Copy(Path.Combine(folder, "backup", Backup.DatabaseFileName), file);
                restored = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
            }
            else
            {
                restoredDatabase = "restored_" + Guid.NewGuid().ToString("N")[..12];
                restored = await DumpAndRestoreAsync(Path.Combine(folder, "backup", "rectification.dump"), restoredDatabase);
            }

            // A change after the backup: the restored system must not have it.
            var later = Ok(await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(problems[0].Id, "备份之后的进展", 60, null, [])));

            await using var host = new TestHost(restored, new Dictionary<string, string?> { ["Evidence:Folder"] = Path.Combine(folder, "backup", Backup.EvidenceFolderName) });
            var verified = Ok(await host.Send<AuditChainReport>(await host.Actor("admin"), new VerifyAuditChain(manifest.AuditHead)));
            var reports = await host.Query(db => db.Problems.Where(p => p.Id == problems[0].Id).SelectMany(p => p.Progress).CountAsync());
            var files = await host.Query(db => db.EvidenceFiles.Select(f => new { f.StoredName, f.Sha256 }).ToListAsync());
            var mismatched = files.Where(f => Hash(Path.Combine(folder, "backup", Backup.EvidenceFolderName, f.StoredName)) != f.Sha256.ToLowerInvariant()).ToList();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(verified.Intact, Is.True, "the restored chain is whole");
                Assert.That(verified.DigestConfirmed, Is.True, "and holds the head the backup recorded");
                Assert.That(verified.Checked, Is.EqualTo(long.Parse(manifest.AuditHead.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(later.Id, Is.EqualTo(problems[0].Id));
                Assert.That(reports, Is.Zero, "the progress report made after the backup is not in the restored database");
                Assert.That(files, Has.Count.EqualTo(2));
                Assert.That(mismatched, Is.Empty, "every evidence file restored with the hash recorded at upload");
                Assert.That(manifest.EvidenceFiles, Is.EqualTo(2));
            }
        }
        finally
        {
            if (restoredDatabase is not null)
            {
                await DropAsync(restoredDatabase);
            }

            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Hash(string path) => File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : "missing";

    private async Task<(int, string)> BackupAsync(string to)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Rectification.Web.dll"), "backup", "--to", to },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = Database.Provider.ToString(),
                ["ConnectionStrings__Rectification"] = Database.ConnectionString,
                ["Evidence__Folder"] = Host.EvidenceFolder,
                ["Authentication__Jwt__SigningKey"] = TestHost.SigningKey,
                ["Jobs__Enabled"] = "false",
            },
        };
        return await RunAsync(start);
    }

    private async Task<DatabaseOptions> DumpAndRestoreAsync(string dump, string name)
    {
        var source = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        await RunChecked("pg_dump", source, "-Fc", "-f", dump, "-d", source.Database!);
        var admin = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        await RunChecked("pg_restore", source, "--no-owner", "-d", name, dump);
        return new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = name }.ToString() };
    }

    private static async Task RunChecked(string tool, NpgsqlConnectionStringBuilder server, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username! }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PGPASSWORD"] = server.Password;
        var (exit, log) = await RunAsync(start);
        Assert.That(exit, Is.Zero, $"{tool}: {log}");
    }

    private static async Task<(int, string)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
