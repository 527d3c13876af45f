using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;

namespace Rectification.Application.Inspections;

public sealed record ListRounds : IAppQuery<IReadOnlyList<RoundDto>>;

public sealed class ListRoundsHandler(IAppDbContext db) : IQueryHandler<ListRounds, Result<IReadOnlyList<RoundDto>>>
{
    public async ValueTask<Result<IReadOnlyList<RoundDto>>> Handle(ListRounds query, CancellationToken ct) =>
        await db.Rounds.AsNoTracking().OrderBy(r => r.Year).ThenBy(r => r.Number)
            .Select(r => new RoundDto(r.Id, r.Name, r.Year, r.Number, r.Term)).ToListAsync(ct);
}
