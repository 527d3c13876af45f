using Microsoft.EntityFrameworkCore;
using Rectification.Application.Administration.Accounts;
using Rectification.Domain.Organization;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>The account commands are audited like every command, and a password never reaches the audit trail in any form.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class AccountAuditTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task CreateResetAndChange_NeverWriteAPasswordNorItsHashIntoTheAuditTrail()
    {
        const string initial = "Initial-Secret-2026!a";
        const string reset = "Reset-Secret-2026!b";
        const string changed = "Changed-Secret-2026!c";
        const string name = "pw-audit";

        var id = Ok(await Host.Send<Guid>("admin", new CreateAccount(name, "密码审计", Role.UnitLiaison, "pw-audit@test.local", "zh-CN", Org.Bureau.Id, initial)));
        var firstHash = await Host.Query(db => db.Accounts.Where(a => a.Id == id).Select(a => a.PasswordHash).SingleAsync());
        Ok(await Host.Send<Guid>("admin", new ResetAccountPassword(id, reset)));
        Ok(await Host.Send<Domain.Common.Unit>(name, new ChangeOwnPassword(reset, changed)));
        var lastHash = await Host.Query(db => db.Accounts.Where(a => a.Id == id).Select(a => a.PasswordHash).SingleAsync());

        var rows = await Host.Query(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id).OrderBy(a => a.Id).ToListAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows.Select(r => (r.EntityType, r.Command)), Is.EquivalentTo(new[]
            {
                ("UserAccount", "CreateAccount"), ("Account", "CreateAccount"), ("Account", "ResetAccountPassword"), ("Account", "ChangeOwnPassword"),
            }));
            foreach (var row in rows)
            {
                var written = row.Payload + row.Before + row.After;
                foreach (var secret in new[] { initial, reset, changed, firstHash!, lastHash!, "PasswordHash", "SecurityStamp" })
                {
                    Assert.That(written, Does.Not.Contain(secret), $"{row.Command} on {row.EntityType}");
                }
            }
        }
    }
}
