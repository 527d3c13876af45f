using Rectification.Domain.Organization;
using DomainUnit = Rectification.Domain.Organization.Unit;

namespace Rectification.Application.Organization;

public sealed record UnitDto(Guid Id, string Code, string Name, UnitLevel Level, Guid? ParentId, string Path, bool Active = true);

public static class UnitMapping
{
    public static UnitDto ToDto(this DomainUnit u) => new(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.Path, u.Active);
}
