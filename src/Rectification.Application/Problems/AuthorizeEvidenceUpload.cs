using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using Rectification.Domain.Problems;

namespace Rectification.Application.Problems;

/// <summary>
/// Asked before the upload's body is read, with the same roles and scope as the recording command: a caller who may not
/// upload to this problem is refused without the server accepting megabytes from them.
/// </summary>
[AllowedRoles(Role.UnitLiaison, Role.UnitLeader)]
public sealed record AuthorizeEvidenceUpload(Guid ProblemId) : IAppQuery<Guid>, IScoped
{
    public ScopeTarget Target => new(TargetKind.Problem, ProblemId);
}

public sealed class AuthorizeEvidenceUploadHandler : IQueryHandler<AuthorizeEvidenceUpload, Result<Guid>>
{
    public ValueTask<Result<Guid>> Handle(AuthorizeEvidenceUpload query, CancellationToken ct) => ValueTask.FromResult(Result<Guid>.Ok(query.ProblemId));
}
