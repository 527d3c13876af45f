using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Application.Clues;
using Rectification.Application.Messaging;
using Rectification.Application.Problems;
using Rectification.Domain.Clues;
using Rectification.Infrastructure;

namespace Rectification.Integration.Tests;

/// <summary>
/// Several commands sent in one scope (a page that saves and then submits, the demo, a batch) are each judged on their own:
/// nothing one command acted on is carried into the next one's audit, version or rule check.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class SameScopeTests(DatabaseProvider provider) : HostTest(provider)
{
    [Test]
    public async Task ACommandAfterALifecycleCommandInTheSameScope_AuditsOnlyWhatItChanged()
    {
        var inspection = await NewInspection(Org.Bureau);
        var problem = await NewProblem(inspection);
        var group = await Host.Actor("group");

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TestActor>().User = group;
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            Ok(await sender.Send(new FeedBackProblem(problem.Id)));
            Ok(await sender.Send(new HandOverClue(inspection.Id, "反映该单位违规发放津补贴", SheetColour.Yellow)));
        }

        var entries = await Host.Query(db => db.AuditEntries.AsNoTracking().Where(a => a.Command == nameof(HandOverClue)).Select(a => a.EntityType).ToListAsync());
        var version = await Host.Query(db => db.Problems.AsNoTracking().Where(p => p.Id == problem.Id).Select(p => p.Version).SingleAsync());

        using (Assert.EnterMultipleScope())
        {
            // The handover writes the sheet and the receipt the commission owes for it; the problem fed back before is not touched again.
            Assert.That(entries.Order(), Is.EqualTo(new[] { "Clue", "Receipt" }));
            Assert.That(version, Is.EqualTo(problem.Version + 1), "fed back once, not changed by the handover");
        }
    }
}
