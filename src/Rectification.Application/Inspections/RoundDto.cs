using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rectification.Application.Abstractions;
using Rectification.Application.Messaging;
using Rectification.Domain.Common;
using Rectification.Domain.Inspections;
using Rectification.Domain.Organization;

namespace Rectification.Application.Inspections;

public sealed record RoundDto(Guid Id, string Name, int Year, int Number);
