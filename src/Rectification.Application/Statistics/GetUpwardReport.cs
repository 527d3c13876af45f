using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Application.Reminders;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Statistics;

/// <summary>The report upward (报送统计) of <see cref="UpwardReportFilter"/>, counted now over the user's scope.</summary>
/// <remarks>The filter's fields stand on the query itself, so that a refusal names the query parameter (<c>to</c>) the caller sent.</remarks>
public sealed record GetUpwardReport(DateOnly? From = null, DateOnly? To = null, IReadOnlyList<Guid>? Rounds = null, int? Term = null,
    IReadOnlyList<InspectionKind>? Kinds = null, Guid? UnitId = null) : IAppQuery<UpwardReport>, IUpwardReportChoice
{
    public GetUpwardReport(UpwardReportFilter filter) : this(filter.From, filter.To, filter.Rounds, filter.Term, filter.Kinds, filter.UnitId)
    {
    }

    public UpwardReportFilter Filter => new(From, To, Rounds, Term, Kinds, UnitId);
}

/// <summary>The rules of a report's choice of inspections, wherever the choice is sent: as query parameters or inside a command.</summary>
public abstract class UpwardReportChoiceRules<T> : AbstractValidator<T> where T : IUpwardReportChoice
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    protected UpwardReportChoiceRules()
    {
        RuleFor(f => f.From).InclusiveBetween(Earliest, Latest).When(f => f.From is not null);
        RuleFor(f => f.To).InclusiveBetween(Earliest, Latest).When(f => f.To is not null);
        RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From).When(f => f.From is not null && f.To is not null);
        RuleFor(f => f.Term).InclusiveBetween(1, 100).When(f => f.Term is not null);
        RuleFor(f => f.Rounds).Must(r => r!.Count <= 100).When(f => f.Rounds is not null);
        RuleForEach(f => f.Kinds).IsInEnum();
    }
}

public sealed class UpwardReportFilterValidator : UpwardReportChoiceRules<UpwardReportFilter>;

public sealed class GetUpwardReportValidator : UpwardReportChoiceRules<GetUpwardReport>;

public sealed class GetUpwardReportHandler(UpwardReportCounter counter) : IQueryHandler<GetUpwardReport, Result<UpwardReport>>
{
    public async ValueTask<Result<UpwardReport>> Handle(GetUpwardReport query, CancellationToken ct) => await counter.CountAsync(query.Filter, ct);
}
