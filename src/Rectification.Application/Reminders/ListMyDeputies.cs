using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;

namespace Rectification.Application.Reminders;

public sealed record MyDeputyDto(Guid Id, Guid DeputyUserId, string DeputyName, DateOnly From, DateOnly To, string Reason, bool InForceToday);

public sealed record DeputyCandidate(Guid UserId, string DisplayName);

/// <param name="Deputies">The signed-in user's deputies not yet over (in force today or still to come), earliest first.</param>
/// <param name="Candidates">Who may be named (NameDeputy): the other people of the user's own unit.</param>
public sealed record MyDeputies(IReadOnlyList<MyDeputyDto> Deputies, IReadOnlyList<DeputyCandidate> Candidates);

/// <summary>The deputies the signed-in user has named for absences that are not over, and whom they may name.</summary>
public sealed record ListMyDeputies : IAppQuery<MyDeputies>;

public sealed class ListMyDeputiesHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListMyDeputies, Result<MyDeputies>>
{
    public async ValueTask<Result<MyDeputies>> Handle(ListMyDeputies query, CancellationToken ct)
    {
        if (user.UserId is not { } self)
        {
            return new MyDeputies([], []);
        }

        var today = OfficeTime.DayOf(clock.GetUtcNow().UtcDateTime);
        var named = await (from d in db.Delegations.AsNoTracking()
                           join u in db.Users.AsNoTracking() on d.DeputyUserId equals u.Id
                           where d.UserId == self && !d.Revoked && d.To >= today
                           select new { d.Id, d.DeputyUserId, u.DisplayName, d.From, d.To, d.Reason }).ToListAsync(ct);
        var deputies = named.OrderBy(d => d.From).ThenBy(d => d.To)
            .Select(d => new MyDeputyDto(d.Id, d.DeputyUserId, d.DisplayName, d.From, d.To, d.Reason, d.From <= today))
            .ToList();
        var unitId = user.UnitId;
        var candidates = await db.Users.AsNoTracking().Where(u => u.UnitId == unitId && u.Id != self)
            .OrderBy(u => u.DisplayName).Select(u => new DeputyCandidate(u.Id, u.DisplayName)).ToListAsync(ct);
        return new MyDeputies(deputies, candidates);
    }
}
