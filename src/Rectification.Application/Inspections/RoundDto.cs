using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;

namespace Rectification.Application.Inspections;

/// <param name="Term">The committee's term (届), when the office numbers its rounds within one.</param>
public sealed record RoundDto(Guid Id, string Name, int Year, int Number, int? Term = null);
