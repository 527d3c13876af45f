using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles.Kinds;
using Rectification.Domain.Reminders;

namespace Rectification.Application.Reminders;

public sealed record DueCase(Guid Id, Guid UnitId, DateOnly Due);

/// <summary>The indexed selection of running cases for which a ladder step is due and not yet recorded.</summary>
public static class DueCases
{
    public static IQueryable<DueCase> Query(IAppDbContext db, ReminderLadder ladder, string step, DateOnly latestDue)
    {
        var states = ladder.ActiveStates.ToArray();
        var taken = db.ReminderSteps.Where(r => r.Step == step);
        return CaseSources.Of(ladder.Lifecycle).Due(db, ladder, states, taken, latestDue);
    }
}
