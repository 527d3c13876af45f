using Microsoft.Extensions.DependencyInjection;
using Rectification.Infrastructure.Jobs;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Administration;
using Rectification.Application.Problems;
using Rectification.Domain.Auditing;
using Rectification.Domain.Common;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// The hash-chained audit trail on the real database: every entry in its place, each linked to the one before, and every
/// kind of tampering (a changed byte, a deleted, reordered or inserted row, deleted newest rows, a rewritten chain) found
/// at the first entry it broke. Tampering is raw SQL, as someone with access to the database would do it; each tampering
/// test snapshots the table first and restores it afterwards, so the tests of a fixture can share one database.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AuditChainTests(DatabaseProvider provider) : HostTest(provider)
{
    [OneTimeSetUp]
    public async Task AuditSomeActions() => await InRectification(Org.Bureau, count: 2);

    [Test]
    public async Task Chain_WhenCommandsAreAudited_RunsFromOneWithoutGapsEachEntryLinkedToThePrevious()
    {
        await InRectification(Org.Township, count: 2);

        var entries = await Entries();
        var report = await Verify();
        TestContext.Out.WriteLine($"{Provider}: verified {report.Checked} entries in {report.Elapsed.TotalMilliseconds:F1} ms");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, entries.Count).Select(i => (long)i)));
            Assert.That(entries[0].PreviousHash, Is.EqualTo(AuditChainHash.Genesis));
            Assert.That(entries.Skip(1).Select(e => e.PreviousHash), Is.EqualTo(entries.SkipLast(1).Select(e => e.Hash)));
            Assert.That(entries.Select(e => e.Hash), Has.All.Match("^[0-9a-f]{64}$"));
            Assert.That(entries.Select(e => e.Hash), Is.Unique);
            Assert.That(entries.Select(AuditChainHash.Compute), Is.EqualTo(entries.Select(e => e.Hash)), "the stored fields give the stored hash");
            Assert.That(report.Intact, Is.True, () => $"{report.FirstBreak}");
            Assert.That(report.FirstBreak, Is.Null);
            Assert.That(report.Checked, Is.EqualTo(entries.Count));
            Assert.That(report.Unchained, Is.Zero);
            Assert.That((report.Head!.Sequence, report.Head.Hash), Is.EqualTo((entries[^1].Sequence, entries[^1].Hash)));
            Assert.That(report.DigestConfirmed, Is.Null, "no digest was given");
        }
    }

    [Test]
    public async Task Entry_WhenOneCharacterOfItsAfterTextIsFlipped_IsTheFirstBrokenEntryByHash()
    {
        var target = await Middle();
        var i = target.After.Length / 2;
        var flipped = string.Concat(target.After.AsSpan(0, i), ((char)(target.After[i] ^ 1)).ToString(), target.After.AsSpan(i + 1));

        await using (await Snapshot())
        {
            await Sql($"""UPDATE "AuditEntries" SET "After" = {flipped} WHERE "Sequence" = {target.Sequence}""");
            var report = await Verify();

            AssertBrokenAt(report, target.Sequence, target.Id, AuditChainFault.HashMismatch);
        }

        await AssertIntact();
    }

    [Test]
    public async Task Entry_WhenAMiddleRowIsDeleted_BreaksTheChainAtTheGap()
    {
        var target = await Middle();
        var next = await At(target.Sequence + 1);

        await using (await Snapshot())
        {
            await Sql($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {target.Sequence}""");
            var report = await Verify();

            AssertBrokenAt(report, next.Sequence, next.Id, AuditChainFault.Gap);
            Assert.That(report.FirstBreak!.Detail, Does.Contain($"entry {target.Sequence} is missing"));
        }

        await AssertIntact();
    }

    [Test]
    public async Task Entries_WhenTwoRowsSwapTheirSequences_BreakTheChainAtTheFirstOfThem()
    {
        var head = (await Entries()).Count;
        var first = await At(2);
        var second = await At(head - 1);

        await using (await Snapshot())
        {
            await Sql($"""UPDATE "AuditEntries" SET "Sequence" = -1 WHERE "Id" = {first.Id}""");
            await Sql($"""UPDATE "AuditEntries" SET "Sequence" = {first.Sequence} WHERE "Id" = {second.Id}""");
            await Sql($"""UPDATE "AuditEntries" SET "Sequence" = {second.Sequence} WHERE "Id" = {first.Id}""");
            var report = await Verify();

            AssertBrokenAt(report, first.Sequence, second.Id, AuditChainFault.OutOfOrder);
        }

        await AssertIntact();
    }

    [Test]
    public async Task ForgedRow_WhenInsertedWithAnInventedHash_IsTheFirstBrokenEntry()
    {
        var target = await Middle();
        var before = await At(target.Sequence - 1);

        await using (await Snapshot())
        {
            await MakeRoomAt(target.Sequence);
            await InsertForged(copyOf: target, at: target.Sequence, previousHash: before.Hash, hash: new string('f', 64));
            var report = await Verify();

            Assert.That(report.FirstBreak?.Fault, Is.EqualTo(AuditChainFault.HashMismatch), () => $"{report.FirstBreak}");
            Assert.That(report.FirstBreak!.Sequence, Is.EqualTo(target.Sequence));
            Assert.That(report.FirstBreak.EntryId, Is.Not.EqualTo(target.Id), "the forged row, not the one it displaced");
        }

        await AssertIntact();
    }

    [Test]
    public async Task ForgedRow_WhenInsertedWithAValidHashAndTheRestRenumbered_BreaksTheChainAtTheEntryItDisplaced()
    {
        var target = await Middle();
        var before = await At(target.Sequence - 1);

        await using (await Snapshot())
        {
            // The strongest forger: knows the algorithm, links the forged row correctly and renumbers the rows after it.
            var forged = Copy(target, after: """{"State":"Closed"}""");
            forged.Chain(target.Sequence, before.Hash);
            await MakeRoomAt(target.Sequence);
            await InsertForged(copyOf: target, at: target.Sequence, previousHash: before.Hash, hash: forged.Hash, after: forged.After);
            var report = await Verify();

            AssertBrokenAt(report, target.Sequence + 1, target.Id, AuditChainFault.OutOfOrder);
        }

        await AssertIntact();
    }

    [Test]
    public async Task NewestRows_WhenDeleted_AreDetectedOnlyAgainstTheDigestExportedBefore()
    {
        var digest = Ok(await Host.Send<AuditDigestDto>("admin", new ExportAuditDigest()));

        await using (await Snapshot())
        {
            await Sql($"""DELETE FROM "AuditEntries" WHERE "Sequence" > {digest.Sequence - 2}""");
            var alone = await Verify();
            var againstDigest = await Verify(digest.Digest);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(alone.Intact, Is.True, "a chain cut at its end is still a well-formed chain");
                Assert.That(againstDigest.Intact, Is.False);
                Assert.That(againstDigest.DigestConfirmed, Is.False);
                Assert.That(againstDigest.FirstBreak, Is.Not.Null);
                Assert.That(againstDigest.FirstBreak!.Fault, Is.EqualTo(AuditChainFault.Truncated));
                Assert.That(againstDigest.FirstBreak.Sequence, Is.EqualTo(digest.Sequence - 1));
                Assert.That(againstDigest.FirstBreak.EntryId, Is.Null);
            }
        }

        await AssertIntact();
    }

    [Test]
    public async Task DigestJob_WhenRun_AppendsTheHeadToAFileOutsideTheDatabase_WhichLaterVerifiesTheChain()
    {
        var file = Path.Combine(Path.GetTempPath(), $"audit-digests-{Guid.NewGuid():N}.log");
        Host.Services.GetRequiredService<JobOptions>().AuditDigestFile = file;
        try
        {
            await using (var scope = Host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AuditDigestJob>().ExportAsync(CancellationToken.None);
            }

            await InRectification(Org.Bureau, count: 1);
            await using (var scope = Host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AuditDigestJob>().ExportAsync(CancellationToken.None);
            }

            var lines = await File.ReadAllLinesAsync(file);
            var head = Ok(await Host.Send<AuditDigestDto>("admin", new ExportAuditDigest()));
            var earlier = lines[0].Split(' ')[1];
            var report = await Verify(earlier);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(lines, Has.Length.EqualTo(2));
                Assert.That(lines[1].Split(' ')[1], Is.EqualTo(head.Digest), "the last line is the chain's head");
                Assert.That(earlier, Is.Not.EqualTo(head.Digest), "the chain grew between the two exports");
                Assert.That(report.Intact, Is.True);
                Assert.That(report.DigestConfirmed, Is.True, "the entry named by the earlier line is still there, unchanged");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Chain_WhenRewrittenWithEveryHashRecomputed_IsDetectedAgainstTheDigest()
    {
        var digest = Ok(await Host.Send<AuditDigestDto>("admin", new ExportAuditDigest()));
        var target = await Middle();

        await using (await Snapshot())
        {
            var previous = (await At(target.Sequence - 1)).Hash;
            foreach (var original in (await Entries()).Where(e => e.Sequence >= target.Sequence))
            {
                var rewritten = Copy(original, after: original.Sequence == target.Sequence ? """{"State":"Closed"}""" : original.After);
                rewritten.Chain(original.Sequence, previous);
                previous = rewritten.Hash;
                await Sql($"""
                    UPDATE "AuditEntries" SET "After" = {rewritten.After}, "PreviousHash" = {rewritten.PreviousHash}, "Hash" = {rewritten.Hash}
                    WHERE "Id" = {original.Id}
                    """);
            }

            var alone = await Verify();
            var againstDigest = await Verify(digest.Digest);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(alone.Intact, Is.True, "a consistently rewritten chain is well-formed");
                Assert.That(againstDigest.DigestConfirmed, Is.False);
                Assert.That(againstDigest.FirstBreak?.Fault, Is.EqualTo(AuditChainFault.DigestMismatch));
                Assert.That(againstDigest.FirstBreak?.Sequence, Is.EqualTo(digest.Sequence));
            }
        }

        await AssertIntact();
    }

    [Test]
    public async Task Digest_WhenTheChainGrewSinceItWasExported_IsStillConfirmed()
    {
        var digest = Ok(await Host.Send<AuditDigestDto>("admin", new ExportAuditDigest()));
        await InRectification(Org.Hospital);

        var report = await Verify(digest.Digest);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Intact, Is.True, () => $"{report.FirstBreak}");
            Assert.That(report.DigestConfirmed, Is.True);
            Assert.That(report.Head!.Sequence, Is.GreaterThan(digest.Sequence));
        }
    }

    [Test]
    public async Task Chain_WhenTenCommandsCommitAtOnce_NeverForks()
    {
        var (_, _, problems) = await InRectification(Org.Bureau, count: 10);
        var before = (await Entries()).Count;

        var results = await Task.WhenAll(problems.Select((p, i) => Task.Run(async () =>
        {
            // A command refused as a conflict (the other writer got there first) is what a client retries.
            for (var attempt = 1; ; attempt++)
            {
                var result = await Host.Send<ProblemSummary>("b1-liaison", new ReportProgress(p.Id, $"第{i + 1}项并发上报", 50, null, [Evidence()]));
                if (result.IsSuccess || result.Error?.Code != "concurrency.conflict" || attempt == 5)
                {
                    return (result, attempt);
                }
            }
        })));

        var entries = await Entries();
        var report = await Verify();
        TestContext.Out.WriteLine($"{Provider}: {results.Count(r => r.attempt > 1)} of 10 commands were retried after a conflict");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Select(r => r.result.Error?.Code), Is.All.Null);
            Assert.That(entries, Has.Count.EqualTo(before + 10), "one audit entry per command");
            Assert.That(entries.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, entries.Count).Select(i => (long)i)));
            Assert.That(entries.Select(e => e.PreviousHash), Is.Unique, "no two entries follow the same entry");
            Assert.That(report.Intact, Is.True, () => $"{report.FirstBreak}");
        }
    }

    [Test]
    public async Task Entry_WhenChangedOrDeletedThroughTheApplication_IsRefusedAsAppendOnly()
    {
        var changed = await Host.Query(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Sequence).FirstAsync();
            db.Entry(entry).Property(a => a.After).CurrentValue = "{}";
            await using var transaction = await db.Database.BeginTransactionAsync();
            return Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        var deleted = await Host.Query(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Sequence).FirstAsync());
            await using var transaction = await db.Database.BeginTransactionAsync();
            return Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed!.Message, Does.Contain("append-only"));
            Assert.That(deleted!.Message, Does.Contain("append-only"));
        }

        await AssertIntact();
    }

    [Test]
    public async Task Verify_WhenAskedByANonAdministratorOrWithAMalformedDigest_IsRefused()
    {
        var byOffice = await Host.Send<AuditChainReport>("office", new VerifyAuditChain());
        var digestByOffice = await Host.Send<AuditDigestDto>("office", new ExportAuditDigest());
        var malformed = await Host.Send<AuditChainReport>("admin", new VerifyAuditChain("12:not-a-hash"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byOffice.Error?.Code, Is.EqualTo("authorization.role-not-allowed"));
            Assert.That(digestByOffice.Error?.Code, Is.EqualTo("authorization.role-not-allowed"));
            Assert.That(malformed.Error?.Code, Is.EqualTo("validation.failed"));
            Assert.That(malformed.Error?.FieldErrors.Keys, Is.EquivalentTo(new[] { "digest" }), "named as the JSON names it");
        }
    }

    [Test]
    public async Task Endpoints_ExportTheDigestAsTextAndVerifyAgainstIt()
    {
        var admin = Host.ClientFor("admin");

        var text = await admin.GetStringAsync("/api/admin/audit/digest?format=text");
        var json = await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/digest");
        var verify = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit/verify?digest={Uri.EscapeDataString(text.Trim())}");
        var forbidden = await Host.ClientFor("office").GetAsync("/api/admin/audit/verify");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Match(@"^\d+:[0-9a-f]{64}\n$"));
            Assert.That((string?)json!["digest"], Is.EqualTo(text.Trim()));
            Assert.That((bool?)verify!["intact"], Is.True);
            Assert.That((bool?)verify["digestConfirmed"], Is.True);
            Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }
    }

    private async Task<AuditChainReport> Verify(string? digest = null) =>
        Ok(await Host.Send<AuditChainReport>("admin", new VerifyAuditChain(digest)));

    private async Task AssertIntact()
    {
        var report = await Verify();
        Assert.That(report.Intact, Is.True, () => $"after restoring the table: {report.FirstBreak}");
    }

    private static void AssertBrokenAt(AuditChainReport report, long sequence, long entryId, AuditChainFault fault)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Intact, Is.False);
            Assert.That(report.FirstBreak, Is.Not.Null);
            Assert.That((report.FirstBreak?.Sequence, report.FirstBreak?.EntryId, report.FirstBreak?.Fault), Is.EqualTo(((long?)sequence, (long?)entryId, (AuditChainFault?)fault)),
                () => $"{report.FirstBreak}");
        }
    }

    private Task<List<AuditEntry>> Entries() => Host.Query(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());

    private Task<AuditEntry> At(long sequence) => Host.Query(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == sequence));

    private async Task<AuditEntry> Middle() => await At((await Entries()).Count / 2);

    private Task Sql(FormattableString sql) => Host.Query(db => db.Database.ExecuteSqlAsync(sql));

    /// <summary>Moves the rows from <paramref name="sequence"/> on one place up (through negative values, as the sequence is unique).</summary>
    private async Task MakeRoomAt(long sequence)
    {
        await Sql($"""UPDATE "AuditEntries" SET "Sequence" = -"Sequence" WHERE "Sequence" >= {sequence}""");
        await Sql($"""UPDATE "AuditEntries" SET "Sequence" = 1 - "Sequence" WHERE "Sequence" < 0""");
    }

    private Task InsertForged(AuditEntry copyOf, long at, string previousHash, string hash, string? after = null) => Sql($"""
        INSERT INTO "AuditEntries" ("At", "UserId", "UserName", "Role", "Command", "EntityType", "EntityId", "Trigger", "FromState", "ToState",
            "Before", "After", "Payload", "Sequence", "PreviousHash", "Hash")
        SELECT "At", "UserId", "UserName", "Role", "Command", "EntityType", "EntityId", "Trigger", "FromState", "ToState",
            "Before", {after ?? copyOf.After}, "Payload", {at}, {previousHash}, {hash}
        FROM "AuditEntries" WHERE "Id" = {copyOf.Id}
        """);

    private static AuditEntry Copy(AuditEntry e, string after) =>
        new(e.At, e.UserId, e.UserName, e.Role, e.Command, e.EntityType, e.EntityId, e.Trigger, e.FromState, e.ToState, e.Before, after, e.Payload);

    /// <summary>Copies the audit table aside; disposing puts it back exactly as it was.</summary>
    private async Task<IAsyncDisposable> Snapshot()
    {
        await Host.Query(db => db.Database.ExecuteSqlRawAsync("""CREATE TABLE "AuditBackup" AS SELECT * FROM "AuditEntries" """));
        return new Restore(Host);
    }

    private sealed class Restore(TestHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await host.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "AuditEntries" SELECT * FROM "AuditBackup" """);
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "AuditBackup" """);
            await transaction.CommitAsync();
            return 0;
        });
    }
}
