using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Lifecycles;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;
using DomainUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Application.Organization;

public sealed record UnitDto(Guid Id, string Code, string Name, UnitLevel Level, Guid? ParentId, string Path);

public static class UnitMapping
{
    public static UnitDto ToDto(this DomainUnit u) => new(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.Path);
}
