using Mediator;
using Rectification.Domain.Common;
using Rectification.Domain.Organization;

namespace Rectification.Application.Messaging;

/// <summary>A command that changes state: it runs in one transaction with its audit entries and outbox rows.</summary>
public interface IAppCommand<TResult> : ICommand<Result<TResult>>;

/// <summary>A read: it goes through validation and authorization but writes nothing.</summary>
public interface IAppQuery<TResult> : IQuery<Result<TResult>>;

public enum TargetKind { Unit, Inspection, Problem, Plan, Clue, Extension, Task, User, EvidenceFile, Receipt, LineChange, CommonPush, SelfCheck }

/// <summary>The object a request acts on; authorization resolves its unit and checks it lies in the user's scope.</summary>
public readonly record struct ScopeTarget(TargetKind Kind, Guid Id);

public interface IScoped
{
    ScopeTarget Target { get; }
}

/// <summary>A command that fires one trigger of one case's lifecycle; the rule behavior checks state, role and guards first.</summary>
public interface ILifecycleCommand : IScoped
{
    string Trigger { get; }

    /// <summary>The version the caller last saw; a different current version is a conflict, not a silent overwrite.</summary>
    long? ExpectedVersion { get; }
}

/// <summary>Roles allowed to send this request, checked before anything is loaded. Lifecycle commands take their roles from the definition.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedRolesAttribute(params Role[] roles) : Attribute
{
    public IReadOnlyList<Role> Roles { get; } = roles;
}
